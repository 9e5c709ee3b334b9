/// Builds an HTML document line by line, escaping every piece of text it is given.
///
/// Element names, attribute names and class names are fixed by the report's code; only text
/// and attribute values come from the record, and both are escaped here.
struct HTMLWriter {
    /// The document so far.
    private(set) var text = ""

    /// A raw line of markup written by the report's own code (never recorded text).
    mutating func raw(_ markup: String) {
        text += markup + "\n"
    }

    /// `<tag class="…">text</tag>` with the text escaped.
    mutating func element(_ tag: String, _ content: String, class className: String? = nil, id: String? = nil) {
        text += open(tag, class: className, id: id) + content.htmlEscaped + "</\(tag)>\n"
    }

    /// An opening tag with optional class and id (values escaped).
    func open(_ tag: String, class className: String? = nil, id: String? = nil, labelledBy: String? = nil) -> String {
        var markup = "<\(tag)"
        if let id { markup += " id=\"\(id.htmlEscaped)\"" }
        if let className { markup += " class=\"\(className.htmlEscaped)\"" }
        if let labelledBy { markup += " aria-labelledby=\"\(labelledBy.htmlEscaped)\"" }
        return markup + ">"
    }

    /// A `<dl>` of labelled facts.
    mutating func facts(_ facts: [(label: String, value: String)], class className: String) {
        raw("<dl class=\"\(className)\">")
        for fact in facts {
            raw("<div><dt>\(fact.label.htmlEscaped)</dt><dd>\(fact.value.htmlEscaped)</dd></div>")
        }
        raw("</dl>")
    }

    /// A table with a caption (hidden visually; the heading above says the same), column
    /// headers with `scope="col"` and each row's first cell as a `scope="row"` header.
    mutating func table(_ table: ReportTable, class className: String? = nil) {
        raw("<table\(className.map { " class=\"\($0)\"" } ?? "")>")
        raw("<caption class=\"visually-hidden\">\(table.caption.htmlEscaped)</caption>")
        raw("<thead><tr>" + table.columns.enumerated().map { index, column in
            "<th scope=\"col\"\(table.numeric.contains(index) ? " class=\"num\"" : "")>\(column.htmlEscaped)</th>"
        }.joined() + "</tr></thead>")
        raw("<tbody>")
        for row in table.rows {
            var cells = ""
            for (index, cell) in row.enumerated() {
                var classes: [String] = []
                if table.numeric.contains(index) { classes.append("num") }
                if let tone = cell.tone { classes.append("tone-\(tone.rawValue)") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                let text = cell.text.isEmpty ? "–" : cell.text
                var content = text.htmlEscaped
                if cell.isLink, let address = text.safeWebAddress { content = "<a href=\"\(address.htmlEscaped)\">\(content)</a>" }
                cells += index == 0 ? "<th scope=\"row\"\(attribute)>\(content)</th>" : "<td\(attribute)>\(content)</td>"
            }
            raw("<tr>\(cells)</tr>")
        }
        raw("</tbody>")
        raw("</table>")
    }
}
