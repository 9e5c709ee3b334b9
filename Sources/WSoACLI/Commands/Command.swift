/// One `wsoa` command: its help and what it does.
protocol Command {
    /// The command's name, arguments, options and help text.
    static var spec: CommandSpec { get }
    /// Runs the command; throwing a `WSoAError` prints it and sets the exit code.
    static func run(_ context: Context) throws
}
