import Foundation

/// The starting inputs of each target: the shipped lessons (whole files, and the blocks and
/// formulas cut out of them), the TeX corpus of the converter's tests, and `Seeds`.
struct Corpus {
    var lessons: [[UInt8]] = []
    var graphs: [[UInt8]] = []
    var models: [[UInt8]] = []
    var tex: [[UInt8]] = []

    init(lessonsDirectory: String, texCorpus: String) {
        var files: [String] = []
        if let walker = FileManager.default.enumerator(atPath: lessonsDirectory) {
            while let relative = walker.nextObject() as? String, files.count < 200 {
                if relative.hasSuffix(".md") { files.append(lessonsDirectory + "/" + relative) }
            }
        }
        for path in files.sorted() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            lessons.append(Array(text.utf8))
            for (kind, source) in Self.blocks(in: text) {
                // Shipped models train for thousands of epochs; a few are enough to fuzz the loop.
                let quick = source.replacingOccurrences(of: #"epochs [0-9]+"#, with: "epochs 20", options: .regularExpression)
                if kind == "graph" { graphs.append(Array(source.utf8)) } else { models.append(Array(quick.utf8)) }
            }
            tex += Self.formulas(in: text).map { Array($0.utf8) }
        }
        if let tsv = try? String(contentsOfFile: texCorpus, encoding: .utf8) {
            for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
                if fields.count == 3 { tex.append(Array(fields[2].utf8)) }
            }
        }
        lessons += Seeds.lessons.map { Array($0.utf8) }
        graphs += Seeds.graphs.map { Array($0.utf8) }
        models += Seeds.models.map { Array($0.utf8) }
        tex += Seeds.tex.map { Array($0.utf8) }
    }

    /// The source of every ```graph and ```model block (a rough cut: fences at the line start).
    static func blocks(in text: String) -> [(String, String)] {
        var found: [(String, String)] = []
        var current: (kind: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if var open = current {
                if line.hasPrefix("```") {
                    found.append((open.kind, open.lines.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    open.lines.append(line)
                    current = open
                }
            } else if line.hasPrefix("```graph") || line.hasPrefix("```model") {
                current = (String(line.dropFirst(3).prefix(5)), [])
            }
        }
        return found
    }

    /// The TeX between `$$ $$` and `$ $` pairs (a rough cut; the prescanner is what is fuzzed).
    static func formulas(in text: String) -> [String] {
        var found: [String] = []
        for delimiter in ["$$", "$"] {
            let parts = text.components(separatedBy: delimiter)
            for i in stride(from: 1, to: parts.count - 1, by: 2) where parts[i].count < 2_000 && !parts[i].isEmpty {
                found.append(parts[i])
            }
        }
        return found
    }
}
