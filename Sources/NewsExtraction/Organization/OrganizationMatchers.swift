/// Named matchers for ORG rules (referenced by name from the rule files).
public enum OrganizationMatchers {
    public static let all: [String: Matcher] = [:]
}
