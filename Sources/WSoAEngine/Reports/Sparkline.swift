/// A one-line text chart of a measure's readings (`▁▃▅▆█`), for the Markdown report, where
/// pictures cannot be inlined safely.
enum Sparkline {
    /// The eight block heights, lowest first.
    private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// What the blocks mean, for the sentence under a table of sparklines.
    static let legend = "Readings: the baseline, then up to the latest 24 readings; taller is always better, so for a measure where lower is better a lower value draws taller."

    /// The baseline and up to the latest 24 readings as blocks scaled between their lowest and
    /// best values: taller is better, whichever way the measure counts (so a falling wait draws
    /// as a rising line); empty with no readings.
    static func render(_ measure: Measure) -> String {
        guard !measure.readings.isEmpty else { return "" }
        let values = [measure.baseline.value] + measure.readings.suffix(24).map(\.value)
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let span = high - low
        return String(values.map { value in
            let height = measure.direction == .lowerIsBetter ? high - value : value - low
            let scaled = (height / span * Double(blocks.count - 1)).rounded()
            // Extreme (forged) values can make the span infinite and the scale NaN.
            guard span > 0, scaled.isFinite else { return blocks[3] }
            let index = Int(scaled)
            return blocks[min(max(index, 0), blocks.count - 1)]
        })
    }
}
