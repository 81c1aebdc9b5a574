import Foundation

/// A one-line progress bar on standard error for training runs that take more than about a
/// second, with an estimate of the time left, and only when standard error is a terminal
/// (never in logs or CI output).
final class ProgressBar {
    private let label: String
    private let total: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    private let enabled: Bool
    private var shown = false

    init(label: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = max(1, total)
        self.enabled = enabled
    }

    /// Redraws the bar for `done` finished steps, once the run has lasted a second.
    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard elapsed > 1 || shown else { return }
        shown = true
        let remaining = done > 0 ? elapsed / Double(done) * Double(max(0, total - done)) : nil
        let text = Self.line(label: label, done: done, total: total, width: 30) + (remaining.map { ", " + Self.estimate($0) } ?? "")
        // Erase to the end of the line: the estimate may get shorter.
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
    }

    /// Clears the bar, if one was drawn.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    /// `about 2 min 5 s left`, from the rate so far.
    static func estimate(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "about \(s) s left" }
        if s < 3600 { return "about \(s / 60) min \(s % 60) s left" }
        return "about \(s / 3600) h \(s % 3600 / 60) min left"
    }

    /// `training xor  [#########.....................]  30%  15000/50000 steps`
    static func line(label: String, done: Int, total: Int, width: Int) -> String {
        let fraction = min(1, Double(done) / Double(max(1, total)))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "training \(label)  [\(bar)] \(String(format: "%3d", Int(fraction * 100)))%  \(done)/\(total) steps"
    }
}
