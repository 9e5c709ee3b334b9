extension JSONValue {
    /// This value as canonical JSON text (see `JSONWriter`): the form journals store.
    public var canonicalString: String {
        JSONWriter.string(self)
    }
}
