/// Turns a figure name into a prefix that is a valid XML id start and safe inside `url(#…)`.
enum IDPrefix {
    static func sanitize(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            let allowed = scalar.isASCII
                && (("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "-")
            out.unicodeScalars.append(allowed ? scalar : "_")
        }
        if out.isEmpty { return "figure" }
        // XML ids (NCName) cannot start with a digit or '-'.
        if let first = out.unicodeScalars.first, !(("A"..."Z").contains(first) || ("a"..."z").contains(first) || first == "_") {
            out = "f" + out
        }
        return out
    }
}
