/// Named matchers for ORG rules (referenced by name from the rule files). Each reads the
/// document through an `OrganizationContext`; options come from the rule entry.
public enum OrganizationMatchers {
    public static let all: [String: Matcher] = [
        "org.headNoun": headNoun,
        "org.legalSuffix": legalSuffix,
        "org.gazetteer": gazetteer,
        "org.vocabularyList": vocabularyList,
        "org.acronym": acronym,
        "org.companyContext": companyContext,
        "org.ampersandName": ampersandName,
        "org.acronymDefinition": acronymDefinition,
        "org.shortMention": shortMention,
        "org.lowerCaseMention": lowerCaseMention,
        "org.possessiveSpan": possessiveSpan,
        "org.slashName": slashName,
    ]

    /// Names built on a head noun ("Ministry of Foreign Affairs", "Royan Research Institute").
    static let headNoun: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return OrganizationChunker(context).headNounNames().map { context.candidate($0.range, rule: input.rule) }
    }

    /// Company names by legal suffix ("Toyota Motor Corp.", "Goldman, Sachs & Co.").
    static let legalSuffix: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return OrganizationChunker(context).legalSuffixNames().map { context.candidate($0.range, rule: input.rule) }
    }

    /// Names and acronyms of the sourced gazetteers; an acronym's value is its long form.
    static let gazetteer: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return GazetteerMatcher(context).gazetteerMatches().map { m in
            context.candidate(m.range, rule: input.rule, value: m.longForm)
        }
    }

    /// Names of a vocabulary list given by the rule option `"list"` (news agencies,
    /// institutions named by one word). Option `"eventCheck": true` drops a match after an
    /// ordinal or a year or before "on" ("the 19th Congress on …").
    static let vocabularyList: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        guard let list = context.tables.vocabularyList(of: input.rule) else { return [] }
        return GazetteerMatcher(context).vocabularyMatches(table: list.table, hashes: list.hashes).compactMap { m in
            if list.eventCheck {
                if OrganizationChunker(context).isEventUse(m.range) { return nil }
                // Part of a longer name ("Opera House", "People's Congress").
                let p = m.range.lowerBound - 1
                if p >= 0 && (context.isNameWord(p) || context.isWord(p, Word.possessive) || context.isWord(p, Word.hyphen))
                    && !context.startsSentence(m.range.lowerBound) && !context.isPlaceOrNationality(p..<(p + 1)) { return nil }
                if m.range.upperBound < context.count, context.isWord(m.range.upperBound, Word.hyphen), context.glued(m.range.upperBound),
                   m.range.upperBound + 1 < context.count, context.isNameWord(m.range.upperBound + 1),
                   !context.isStandaloneWord(m.range.upperBound + 1) { return nil }
            }
            return context.candidate(m.range, rule: input.rule)
        }
    }

    /// Names of companies known by the words around them ("shares of X", "X's chairman").
    static let companyContext: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return CompanyContextMatcher(context).names().map { context.candidate($0, rule: input.rule) }
    }

    /// Names joined by "&" ("Saatchi & Saatchi", "Mayer, Brown & Platt").
    static let ampersandName: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return CompanyContextMatcher(context).ampersandNames().map { context.candidate($0, rule: input.rule) }
    }

    /// Capitals-only words taken as organization acronyms.
    static let acronym: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        let linker = AcronymLinker(context)
        return linker.acronyms().map { i in
            // An acronym that opens a longer name ("NBC News", "RJR Nabisco", "CS First Boston").
            var e = i + 1
            while e < context.count && e - i <= 3 && context.isNameWord(e) && !context.startsSentence(e)
                    && !context.flags[e].contains(.upper) && !context.isPlaceOrNationality(e..<(e + 1))
                    && !(e + 1 < context.count && context.isWord(e + 1, Word.period) && context.glued(e + 1)) { e += 1 }
            if e > i + 1 { return context.candidate(i..<e, rule: input.rule) }
            return context.candidate(i..<(i + 1), rule: input.rule, value: linker.longForm(i))
        }
            + linker.ampersandAcronyms().map { context.candidate($0, rule: input.rule) }
    }

    /// Acronyms defined in parentheses after an organization name, everywhere in the document
    /// (stage 2): the value is the long form.
    static let acronymDefinition: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return AcronymLinker(context).definedAcronyms(candidates: input.candidates).map {
            context.candidate($0.index..<($0.index + 1), rule: input.rule, value: $0.longForm)
        }
    }

    /// Short mentions of a full name found earlier (stage 2): the value is the full name.
    static let shortMention: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return ShortMentionResolver(context).mentions(candidates: input.candidates, rule: input.rule).map {
            context.candidate($0.range, rule: input.rule, value: $0.value)
        }
    }

    /// Lower-case short mentions ("the ministry") of a full name found earlier (stage 2);
    /// option `"heads"`: the head nouns concerned. The value is the full name.
    static let lowerCaseMention: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        let heads = context.tables.words(option: "heads", of: input.rule)
        return LowerCaseMentionResolver(context).mentions(candidates: input.candidates, heads: heads).map {
            context.candidate($0.index..<($0.index + 1), rule: input.rule, value: $0.value)
        }
    }

    /// Names around a possessive (stage 2, last): "McDonald's Corp." is one name; with option
    /// `ontoNotesSpans` also OntoNotes' spans, a name of two or more words with the possessive
    /// after it ("Chrysler Corp.'s"; the value is the name alone).
    static let possessiveSpan: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return PossessiveSpanExtender(context).extended(candidates: input.candidates, rule: input.rule)
    }

    /// Names joined by a slash (stage 2): "Bridgestone/Firestone", "MGM/UA".
    static let slashName: Matcher = { input in
        let context = OrganizationContext.shared(input.document)
        return SlashNameJoiner(context).joined(candidates: input.candidates, rule: input.rule)
    }
}
