/// The shells `wsoa completion` writes a script for, as people type them.
enum CompletionShell: String, ChoiceValue {
    case bash
    case zsh
    case fish

    /// The completion script for this shell, generated from `model`.
    func script(_ model: CompletionModel) -> String {
        switch self {
        case .bash: return BashCompletion.script(model)
        case .zsh: return ZshCompletion.script(model)
        case .fish: return FishCompletion.script(model)
        }
    }
}
