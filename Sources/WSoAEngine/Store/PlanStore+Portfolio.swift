extension PlanStore {
    /// One entry of the plans directory that should be a plan: its view, or why it could not
    /// be read.
    public struct PortfolioEntry: Sendable {
        /// The folder's name: the plan's id.
        public let id: String
        /// The plan as viewed, or the problem that stopped it being read.
        public let view: Result<PlanView, WSoAError>
    }

    /// Every plan in the directory as it stood at `asOf`, in id order, each with its view or
    /// its problem: nothing in the directory that should be a plan is passed over in silence.
    ///
    /// Hidden entries (the directory's mark, plans being made, version-control folders) and
    /// plain files are not plans and are left out.
    public func portfolio(asOf: Day? = nil) throws -> [PortfolioEntry] {
        try each { try view($0, in: $1, asOf: asOf) }.map { PortfolioEntry(id: $0.id, view: $0.view) }
    }

    /// Every plan in the directory verified (`verify(_:head:)`), in id order, each with what
    /// was found or its problem.
    public func verifyAll() throws -> [(id: String, verification: Result<Verification, WSoAError>)] {
        try each { id, _ in try verify(id) }.map { ($0.id, $0.view) }
    }

    /// `body` for each entry of the directory that should be a plan.
    private func each<T>(_ body: (String, PlansDirectory) throws -> T) throws -> [(id: String, view: Result<T, WSoAError>)] {
        let plans = try plans()
        return try plans.planNames().map { name in
            guard PlanID.isValid(name) else {
                return (name, .failure(.notAPlan(path: "\(plans.path)/\(name)",
                                                 reason: "its name is not a plan id (lower-case letters, digits and hyphens)")))
            }
            do {
                return (name, .success(try body(name, plans)))
            } catch let error as WSoAError {
                return (name, .failure(error))
            } catch {
                return (name, .failure(.fileSystem(path: "\(plans.path)/\(name)", reason: "\(error)")))
            }
        }
    }
}
