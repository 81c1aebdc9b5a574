import Testing
@testable import Site

/// A token as the highlighter writes it: its kind's long name becomes Pygments' short class.
private func tok(_ kind: String, _ text: String) -> String {
    let short = ["keyword": "k", "constant": "kc", "builtin": "nb", "def": "nf", "string": "s", "interp": "si",
                 "number": "m", "comment": "c", "decorator": "nd", "operator": "o"]
    return "<span class=\"\(short[kind] ?? "?")\">\(text)</span>"
}

@Test func keywordsBuiltinsAndDefinitionsAreMarked() {
    #expect(PythonHighlighter.html("def forward(X, y):\n    return len(X) is None").html ==
            tok("keyword", "def") + " " + tok("def", "forward") + "(X, y):\n    " + tok("keyword", "return") + " "
            + tok("builtin", "len") + "(X) " + tok("keyword", "is") + " " + tok("constant", "None"))
}

@Test func anAttributeIsNotABuiltin() {
    #expect(PythonHighlighter.html("np.sum(x)").html == "np." + "sum" + "(x)")
    #expect(PythonHighlighter.html("sum(x)").html == tok("builtin", "sum") + "(x)")
}

@Test func numbersInEveryForm() {
    for number in ["0", "50000", "0.5", "1e-05", "2.5E+3", ".5", "1_000", "0x1F", "0b101", "3j"] {
        #expect(PythonHighlighter.html(number).html == tok("number", number), "\(number)")
    }
    #expect(PythonHighlighter.html("x1 = W2").html == "x1 " + tok("operator", "=") + " W2")
}

@Test func commentsRunToTheEndOfTheLine() {
    #expect(PythonHighlighter.html("lr = 0.1  # learning rate\nx").html ==
            "lr " + tok("operator", "=") + " " + tok("number", "0.1") + "  " + tok("comment", "# learning rate") + "\nx")
}

@Test func stringsWithPrefixesAndTripleQuotes() {
    #expect(PythonHighlighter.html("'a' \"b\" r'\\d' b\"x\"").html ==
            tok("string", "'a'") + " " + tok("string", "\"b\"") + " " + tok("string", "r'\\d'") + " " + tok("string", "b\"x\""))
    #expect(PythonHighlighter.html("\"\"\"Doc\n\"quoted\" inside\n\"\"\"\nx").html == tok("string", "\"\"\"Doc\n\"quoted\" inside\n\"\"\"") + "\nx")
    #expect(PythonHighlighter.html("'it\\'s'").html == tok("string", "'it\\'s'"))
}

@Test func fStringFieldsAreCode() {
    #expect(PythonHighlighter.html("f\"step {epoch} loss {float(loss)!r:>10}\"").html ==
            tok("string", "f\"step ") + tok("interp", "{") + "epoch" + tok("interp", "}") + tok("string", " loss ")
            + tok("interp", "{") + tok("builtin", "float") + "(loss)" + tok("operator", "!") + "r" + tok("string", ":&gt;10")
            + tok("interp", "}") + tok("string", "\""))
    #expect(PythonHighlighter.html("f'{{literal}}'").html == tok("string", "f'{{literal}}'"))
}

@Test func decoratorsAtTheStartOfALineOnly() {
    #expect(PythonHighlighter.html("@torch.no_grad()\ndef f(): pass").html ==
            tok("decorator", "@torch.no_grad") + "()\n" + tok("keyword", "def") + " " + tok("def", "f") + "(): " + tok("keyword", "pass"))
    #expect(PythonHighlighter.html("H @ W2").html == "H " + tok("operator", "@") + " W2")
}

@Test func everythingIsEscaped() {
    #expect(PythonHighlighter.html("a <b> & '<c>' # <d>").html ==
            "a " + tok("operator", "&lt;") + "b" + tok("operator", "&gt;") + " " + tok("operator", "&amp;") + " "
            + tok("string", "'&lt;c&gt;'") + " " + tok("comment", "# &lt;d&gt;"))
}

@Test func brokenInputStillHighlights() {
    // An unterminated string stops at the end of its line; nested f-strings stop nesting at a limit.
    #expect(PythonHighlighter.html("x = 'open\ny").html == "x " + tok("operator", "=") + " " + tok("string", "'open") + "\ny")
    let deep = String(repeating: "f\"{(", count: 500) + String(repeating: ")}\"", count: 500)
    #expect(PythonHighlighter.html(deep).html.contains("<span class=\"si\">"))
    #expect(PythonHighlighter.html("").html == "")
}
