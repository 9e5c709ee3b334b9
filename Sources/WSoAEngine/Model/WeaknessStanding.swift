/// Where a weakness stands at the end of monitoring: monitored, judged sufficient and awaiting
/// release, in the accelerated progress plan, or released.
public enum WeaknessStanding: Hashable, Sendable {
    /// Monitored, not yet judged at a revisit.
    case monitored
    /// Judged sufficient; still monitored until DfE/NHS England release it.
    case sufficientAwaitingRelease(WeaknessJudgement)
    /// Judged not sufficient; in the accelerated progress plan.
    case inAcceleratedProgressPlan(WeaknessJudgement)
    /// DfE/NHS England no longer monitor it.
    case released(WeaknessRelease)
    /// 2023: an area for priority action judged at the monitoring inspection (there is no
    /// release or accelerated progress plan under the 2023 framework).
    case judged(WeaknessJudgement)
    /// 2023: an area for priority action not yet judged at a monitoring inspection.
    case awaitingMonitoringInspection
    /// 2023: an area for improvement, which no visit judges before the next full inspection.
    case toImprove

    /// The name `--json` gives it; never changes.
    public var name: String {
        switch self {
        case .monitored: return "monitored"
        case .sufficientAwaitingRelease: return "sufficientAwaitingRelease"
        case .inAcceleratedProgressPlan: return "inAcceleratedProgressPlan"
        case .released: return "released"
        case .judged: return "judged"
        case .awaitingMonitoringInspection: return "awaitingMonitoringInspection"
        case .toImprove: return "toImprove"
        }
    }

    /// The whole standing in a sentence's words: "sufficient progress at the revisit (letter
    /// of 25 February 2022); monitored until DfE and NHS England release it".
    public var description: String {
        switch self {
        case .monitored: return "not yet judged, monitored"
        case let .sufficientAwaitingRelease(judgement):
            return "\(judgement.description); monitored until DfE and NHS England release it"
        case let .inAcceleratedProgressPlan(judgement):
            return "\(judgement.description); in the accelerated progress plan"
        case let .released(release): return release.description
        case let .judged(judgement): return judgement.description
        case .awaitingMonitoringInspection: return "not yet judged at a monitoring inspection"
        case .toImprove: return "to improve by the next full inspection"
        }
    }
}
