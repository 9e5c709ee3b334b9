import Foundation
import WSoAEngine

/// The whole command line as one testable function: arguments in, text out, exit code back.
///
/// Exit codes (DESIGN.md §8): 0 done; 1 refused or failed; 64 usage error; 75 another writer
/// holds the plan's lock.
enum CLI {
    /// The version `--version` prints.
    static let version = "0.1.0"

    /// Exit codes of the contract.
    enum ExitCode {
        static let success: Int32 = 0
        static let failure: Int32 = 1
        static let usage: Int32 = 64
        static let busy: Int32 = 75
    }

    /// Runs one `wsoa` invocation. `environment` supplies `WSOA_PLANS`, `WSOA_USER`, `USER`,
    /// `WSOA_TODAY` (a fixed today, for scripts and tests) and `WSOA_LOCK_TIMEOUT` (seconds).
    static func run(_ arguments: [String], stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void,
                    environment: [String: String]) -> Int32 {
        let output = Output(out: stdout, err: stderr)
        let attempt = ArgumentParser.attempt(arguments, root: CommandTree.root, globalOptions: CommandTree.globalOptions)
        do {
            if let error = attempt.error { throw error }
            let arguments = attempt.arguments
            if arguments.versionRequested && arguments.commandPath.isEmpty {
                output.line("wsoa \(version)")
                return ExitCode.success
            }
            if arguments.helpRequested || arguments.commandPath.isEmpty || arguments.commandPath == ["help"] {
                output.write(help(for: arguments))
                return arguments.commandPath.isEmpty && !arguments.helpRequested ? ExitCode.usage : ExitCode.success
            }
            let context = try Context(arguments: arguments, environment: environment, output: output)
            try CommandTree.command(for: arguments.commandPath[0]).run(context)
            return context.exitCode
        } catch let error as WSoAError {
            let lines = error.messageLines
            output.error(lines.count == 1 ? explained(error, by: attempt.arguments.commandPath) : lines[0])
            for line in lines.dropFirst() { output.errorLine("  " + line.visible) }
            if error.isUsageError {
                // An environment variable is not part of the command line, so its usage would not help.
                if case .invalidEnvironment = error { return ExitCode.usage }
                let chain = CommandTree.root.chain(along: attempt.arguments.commandPath)
                let path = chain.dropFirst().map(\.name)
                output.errorLine(HelpFormatter.usageLine(for: chain[chain.count - 1], path: path, root: CommandTree.root))
                output.errorLine(HelpFormatter.helpHint(path: path, root: CommandTree.root))
                return ExitCode.usage
            }
            if case .lockTimeout = error { return ExitCode.busy }
            return ExitCode.failure
        } catch {
            output.error("Unexpected failure: \(error.localizedDescription)")
            return ExitCode.failure
        }
    }

    /// The error's sentence with what to change on the command line, where the engine phrased it
    /// without options: the option holding the text a refusal is about, or the flag that
    /// overrides a rule. The flag is offered only to a command that takes it: `command` is the
    /// command's path (`["merge"]`), and a command named there without `--allow-personal-data`
    /// is told to leave the text out.
    static func explained(_ error: WSoAError, by command: [String]? = nil) -> String {
        guard case let .refused(refusal) = error else { return error.description }
        let named = refusal.field.map { String(error.description.dropLast()) + " (\($0.option))." } ?? error.description
        guard refusal.rule == .personalData else { return named }
        if let command {
            let chain = CommandTree.root.chain(along: command)
            if chain.count > 1, !chain[chain.count - 1].globals.contains("allow-personal-data") {
                let name = (["wsoa"] + chain.dropFirst().map(\.name)).joined(separator: " ")
                return named + " Remove it: '\(name)' cannot keep text that looks like personal data."
            }
        }
        return named + " Remove it, or give --allow-personal-data if it must be kept."
    }

    /// Help for the command named in the arguments (`wsoa help advance` works like `--help`).
    private static func help(for arguments: ParsedArguments) -> String {
        var path = arguments.commandPath
        if path.first == "help" { path = Array(path.dropFirst()) + arguments.positionals }
        let chain = CommandTree.root.chain(along: path)
        let known = Array(path.prefix(chain.count - 1))
        return HelpFormatter.help(for: chain[chain.count - 1], path: known, root: CommandTree.root,
                                  globalOptions: CommandTree.globalOptions)
    }
}
