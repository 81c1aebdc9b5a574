import Foundation
import LessonModel
import Site

/// Decides where each image of a lesson comes from and where it goes in the output.
/// `/images/x.png` is read from the lessons folder's root (as Jekyll sites do), `x.png` from the
/// lesson's own folder; found files are copied to `<slug>/media/`, missing ones become alt text.
struct ImageResolver {
    let lessonsDirectory: String
    let lessonsRoot: String  // canonical

    /// A file to copy into the output.
    struct Copy: Hashable {
        var source: String
        var destination: String  // relative to the output folder
    }

    func resolve(_ lesson: Lesson, diagnostics: inout Diagnostics) -> (targets: [String: ImageTarget], copies: [Copy]) {
        var targets: [String: ImageTarget] = [:]
        var copies: [Copy] = []
        for image in lesson.images {
            let url = image.url
            if url.isEmpty {
                diagnostics.warning(image.position, "image has no source; showing its alt text instead")
                targets[url] = .missing
                continue
            }
            if Self.hasScheme(url) || url.hasPrefix("//") {
                if url.lowercased().hasPrefix("http") || url.hasPrefix("//") {
                    diagnostics.warning(image.position, "image '\(url)' is loaded from the network; pages that are read offline will not show it")
                }
                targets[url] = .external
                continue
            }
            var path = url
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
            path = path.removingPercentEncoding ?? path
            let lessonFolder = lesson.relativePath.split(separator: "/").dropLast().joined(separator: "/")
            let joined = path.hasPrefix("/") ? String(path.drop { $0 == "/" }) : (lessonFolder.isEmpty ? path : lessonFolder + "/" + path)
            guard let relative = Paths.normalise(joined), !relative.isEmpty else {
                diagnostics.error(image.position, "image path '\(url)' leaves the lessons folder; images must live inside it")
                targets[url] = .missing
                continue
            }
            let file = Paths.join(lessonsDirectory, relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
                diagnostics.warning(image.position, "image '\(url)' not found (looked for \(file)); showing its alt text instead")
                targets[url] = .missing
                continue
            }
            let source = Paths.canonical(file)
            guard Paths.isInside(source, lessonsRoot) else {
                diagnostics.error(image.position, "image '\(url)' resolves (through a symbolic link) outside the lessons folder")
                targets[url] = .missing
                continue
            }
            // A FIFO or device would block or never end when copied.
            guard Paths.isRegularFile(source) else {
                diagnostics.warning(image.position, "image '\(url)' is not a regular file; showing its alt text instead")
                targets[url] = .missing
                continue
            }
            let destination = "\(lesson.slug)/media/\(relative)"
            copies.append(Copy(source: source, destination: destination))
            let header = (try? BoundedRead.prefix(source, count: ImageHeader.prefixLength, followLinks: true).get()) ?? []
            targets[url] = .local(href: HTML.pathURL("media/\(relative)"), size: ImageHeader.size(of: header))
        }
        return (targets, Array(Set(copies)).sorted { $0.destination < $1.destination })
    }

    /// `https:`, `data:`, `mailto:`... (a Windows drive letter is not a concern for lessons).
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
