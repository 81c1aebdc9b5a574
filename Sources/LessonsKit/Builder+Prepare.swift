import Foundation
import LessonModel

extension Builder {
    /// Finds the lessons and refuses output and cache folders the build must not touch; nil when
    /// the build stops here (a refusal, or nothing changed since the last clean build).
    static func prepare(_ context: inout BuildContext) -> [String]? {
        let options = context.options
        // The C library ends a path at a NUL, so such a path would name another place (a
        // command line cannot hold one, but the library can be handed one).
        for (path, what) in [(options.lessonsDirectory, "lessons folder"), (options.outputDirectory, "output folder"),
                             (options.cacheDirectory ?? "", "cache folder")] where path.utf8.contains(0) {
            context.report.diagnostics.append(.fileError(path.replacingOccurrences(of: "\0", with: "\\0"),
                                                         "the \(what)'s path contains a NUL character; name another"))
            return nil
        }
        let files: [String]
        switch LessonDiscovery.find(in: options.lessonsDirectory, root: context.lessonsRoot,
                                    excluding: Paths.canonical(options.outputDirectory)) {
        case .failure(let d): context.report.diagnostics.append(d); return nil
        case .success(let found): files = found.files; context.report.diagnostics += found.diagnostics
        }
        if !options.checkOnly, let refusal = context.writer.check(lessonsRoot: context.lessonsRoot) {
            context.report.diagnostics.append(refusal)
            return nil
        }
        if let refusal = cacheRefusal(context) {
            context.report.diagnostics.append(refusal)
            return nil
        }
        return isUpToDate(&context) ? nil : files
    }

    /// Why the cache folder cannot be used, if it cannot.
    private static func cacheRefusal(_ context: BuildContext) -> Diagnostic? {
        guard context.usesCache else { return nil }
        let cache = context.cacheDirectory
        if Paths.isInside(context.cacheFolder, Paths.canonical(context.options.outputDirectory)) {
            return .fileError(cache, "the cache folder is inside the output folder, which every build replaces; choose another --cache-dir")
        }
        if let problem = OutputWriter.checkFolderOrMissing(cache, what: "cache folder; choose another --cache-dir") {
            return problem
        }
        return CacheFolder(path: cache).checkForBuild().map { .fileError(cache, $0) }
    }

    /// Up to date: nothing read by the last clean build changed, and its output is untouched.
    /// Also remembers the inputs' digest, so a clean build can leave a stamp for the next one.
    private static func isUpToDate(_ context: inout BuildContext) -> Bool {
        guard context.usesCache else { return false }
        let options = context.options
        context.stampDigest = BuildStamp.inputDigest(options, lessonsRoot: context.lessonsRoot,
                                                     cacheDirectory: context.cacheDirectory)
        let stampPath = BuildStamp.path(cacheDirectory: context.cacheFolder, outputDirectory: options.outputDirectory)
        guard let digest = context.stampDigest, let stamp = BuildStamp.load(stampPath), stamp.inputs == digest,
              BuildStamp.listing(of: options.outputDirectory) == stamp.output else { return false }
        context.report.upToDate = true
        context.report.pagesWritten = stamp.lessons
        return true
    }
}
