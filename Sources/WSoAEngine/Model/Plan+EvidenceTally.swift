extension Plan {
    /// The evidence counted by kind, with the latest item of each kind.
    ///
    /// A plan read from a snapshot adds the snapshot's own tally to the items recorded since,
    /// without decoding the snapshot's evidence; it is the same as `EvidenceTally(evidence)`.
    /// (An as-of view starts from a snapshot only when the view includes all its events.)
    public var evidenceTally: EvidenceTally {
        if let (encoded, appended) = evidence.undecoded, var tally = encoded.summary as? EvidenceTally {
            for item in appended { tally.add(item) }
            return tally
        }
        return EvidenceTally(evidence)
    }
}
