/// Named normalizers for Organization rules (referenced by name from the rule files).
public enum OrganizationNormalizers {
    public static let all: [String: Normalizer] = [:]
}
