/// Holds a document's `OrganizationContext` in the thread's cache.
final class ContextBox {
    let key: ObjectIdentifier
    let context: OrganizationContext
    init(key: ObjectIdentifier, context: OrganizationContext) {
        self.key = key
        self.context = context
    }
}

/// The lists each word of the ORG vocabularies belongs to, as bits (see `OrganizationContext`).
final class WordTable {
    let sizes: [Int]
    let masks: [String: UInt16]
    init(sizes: [Int], masks: [String: UInt16]) {
        self.sizes = sizes
        self.masks = masks
    }
}
