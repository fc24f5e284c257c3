/// Named normalizers for Rank rules (referenced by name from the rule files).
public enum RankNormalizers {
    public static let all: [String: Normalizer] = [:]
}
