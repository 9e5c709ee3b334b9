/// The ways `wsoa lifecycle` can draw the transition table.
public enum DiagramFormat: String, Sendable, CaseIterable {
    /// A plain table for reading in a terminal.
    case text
    /// A Mermaid `stateDiagram-v2`, which GitHub and SharePoint render.
    case mermaid
    /// A Graphviz DOT digraph.
    case dot
}
