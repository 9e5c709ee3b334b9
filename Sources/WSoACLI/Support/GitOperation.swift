import Foundation

/// What git was doing when it ran the merge driver: it decides whose lines each side holds and
/// how the officer goes on once a refused merge is settled.
///
/// git does not tell a driver, so it is read from the state git keeps while it works: during a
/// rebase (`git pull --rebase` too) its current side (%A) is the upstream being rebased onto
/// and the other side (%B) is the officer's own commit being replayed, the reverse of a merge,
/// and the rebase goes on with `git rebase --continue`, not a commit.
enum GitOperation: Equatable {
    /// `git merge` or `git pull` without a rebase (or `git checkout -m` during one).
    case merge
    /// `git rebase` or `git pull --rebase`.
    case rebase
    /// `git cherry-pick` of several commits, or one that stopped before.
    case cherryPick
    /// `git revert`.
    case revert
    /// `git am -3`.
    case mailbox
    /// None git left a trace of: a single cherry-pick, which git records only once it stops,
    /// `git stash apply`, and the like. Its sides are a merge's.
    case unknown

    /// The operation in progress in the repository git runs in at `git.directory`, with
    /// `environment` the driver's own (git names a merge's other side in it).
    static func inProgress(_ git: Git, environment: [String: String]) -> GitOperation {
        let names = ["rebase-merge", "rebase-apply", "rebase-apply/applying", "MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD",
                     "sequencer/todo"]
        guard let run = try? git.run(["rev-parse"] + names.flatMap { ["--git-path", $0] }), run.status == 0 else {
            return .unknown
        }
        let paths = run.output.split(separator: "\n").map(String.init)
        guard paths.count == names.count else { return .unknown }
        var found: [String: String] = [:]
        for (name, path) in zip(names, paths) {
            let full = path.hasPrefix("/") ? path : "\(git.directory)/\(path)"
            if FileManager.default.fileExists(atPath: full) { found[name] = full }
        }
        if found["rebase-apply/applying"] != nil { return .mailbox }
        if found["rebase-merge"] != nil || found["rebase-apply"] != nil { return .rebase }
        // git merge names its other side to the driver as GITHEAD_<commit>; MERGE_HEAD is there
        // once a merge has stopped (as for 'git checkout -m' after it).
        if found["MERGE_HEAD"] != nil || environment.keys.contains(where: { $0.hasPrefix("GITHEAD_") }) { return .merge }
        if found["CHERRY_PICK_HEAD"] != nil { return .cherryPick }
        if found["REVERT_HEAD"] != nil { return .revert }
        if let todo = found["sequencer/todo"], let text = try? String(contentsOfFile: todo, encoding: .utf8) {
            let first = text.split(separator: "\n").first { !$0.hasPrefix("#") }?.split(separator: " ").first
            if first == "revert" { return .revert }
            if first == "pick" || first == "p" { return .cherryPick }
        }
        return .unknown
    }

    /// The journal's current side (%A), as messages name it: `this side's plans/…/events.jsonl`.
    func currentSide(_ path: String) -> String {
        self == .rebase ? "the upstream's \(path)" : "this side's \(path)"
    }

    /// The journal's other side (%B), as messages name it.
    func otherSide(_ path: String) -> String {
        self == .rebase ? "your own commit's \(path)" : "the other side's \(path)"
    }

    /// The two sides as a merge's summary names them, where its own words ("this copy", "the
    /// other") would mislead: in a rebase, the upstream and your own commit.
    var sides: (this: String, other: String)? {
        self == .rebase ? ("the upstream", "your own commit") : nil
    }

    /// Where a refused merge leaves each side's lines, `kept` being the file holding the other side's.
    func whereLinesAre(kept: String) -> String {
        switch self {
        case .rebase:
            return "The journal holds the upstream's lines (the commits being rebased onto); the lines of your own commit being replayed are in \(kept)."
        default:
            return "The journal keeps this side's lines; the other side's are in \(kept)."
        }
    }

    /// How to go on once the journal at `quotedPath` (quoted for the shell) is settled.
    /// The command that stops what git is doing and puts the clone back as it was before it.
    var abort: String {
        switch self {
        case .merge: return "git merge --abort"
        case .rebase: return "git rebase --abort"
        case .cherryPick: return "git cherry-pick --abort"
        case .revert: return "git revert --abort"
        case .mailbox: return "git am --abort"
        case .unknown: return "git merge --abort (or the --abort of what git was doing)"
        }
    }

    func finish(_ quotedPath: String) -> String {
        switch self {
        case .merge: return "Then git add \(quotedPath) and commit, to finish the merge."
        case .rebase: return "Then git add \(quotedPath) and git rebase --continue."
        case .cherryPick: return "Then git add \(quotedPath) and git cherry-pick --continue."
        case .revert: return "Then git add \(quotedPath) and git revert --continue."
        case .mailbox: return "Then git add \(quotedPath) and git am --continue."
        case .unknown:
            return "Then git add \(quotedPath) and go on with what git was doing (git commit to finish a merge, git cherry-pick --continue for a cherry-pick)."
        }
    }
}
