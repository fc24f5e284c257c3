/// Named normalizers for Date rules (referenced by name from the rule files).
public enum DateNormalizers {
    public static let all: [String: Normalizer] = [:]
}
