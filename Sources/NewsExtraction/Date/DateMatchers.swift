/// Named matchers for date rules (referenced by name from the rule files).
public enum DateMatchers {
    public static let all: [String: Matcher] = [:]
}
