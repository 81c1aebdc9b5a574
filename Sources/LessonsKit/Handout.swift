import Browser
import Foundation
import LessonModel
import Site

/// `lessons build --pdf`: prints `print.html` of the staged site to `course.pdf`.
enum Handout {
    static let fileName = "course.pdf"

    /// Page numbers in the footer ("3 / 42"), small and grey, with no date or URL.
    static let footer = "<div style=\"width:100%;text-align:center;font-size:8px;color:#666;font-family:sans-serif\">"
        + "<span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>"

    static func print(_ staging: URL, outputDirectory: String) -> Diagnostic? {
        // Our own path arithmetic, like every path that comes from what the user typed.
        let page = Paths.join(staging.path, PrintPage.fileName)
        do {
            let pdf = try ChromiumPrinter().pdf(of: page, site: staging.path, footer: footer)
            try Data(pdf).write(to: URL(fileURLWithPath: Paths.join(staging.path, fileName)))
            return nil
        } catch {
            return .fileError(Paths.join(outputDirectory, fileName), "cannot make the PDF handout: \(error)")
        }
    }
}
