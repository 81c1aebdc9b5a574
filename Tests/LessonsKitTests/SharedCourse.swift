import Foundation
import Testing
@testable import LessonsKit

/// The shipped course, built once per test run and shared by every test that only reads the
/// result (the browser checks, the page checks, the trace and handout checks): a build trains
/// every model, so building it per test instance cost minutes. Built with absolute paths, so
/// it needs no working-directory change and runs beside other in-process builds.
/// Tests must not modify these folders; `SharedCourse.copyCache(to:)` gives a writable warm cache.
struct SharedCourse: Sendable {
    let root: String
    var lessons: String { root + "/lessons" }
    var output: String { root + "/output" }
    var cache: String { root + "/cache" }
    let report: BuildReport

    /// Built on first use (Swift runs a global's initialiser once, and other threads wait for it).
    static let built: Result<SharedCourse, SharedCourseFailure> = {
        let root = rootPath
        atexit { try? FileManager.default.removeItem(atPath: SharedCourse.rootPath) }
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: shippedLessons, toPath: root + "/lessons")
        } catch {
            return .failure(SharedCourseFailure(description: "cannot copy the course: \(error)"))
        }
        let report = Builder.build(BuildOptions(lessonsDirectory: root + "/lessons", outputDirectory: root + "/output",
                                                jobs: 2,
                                                cacheDirectory: root + "/cache"))
        guard report.succeeded else { return .failure(SharedCourseFailure(description: "\(report.diagnostics)")) }
        return .success(SharedCourse(root: root, report: report))
    }()

    /// The built course, or a test failure saying why it could not be built.
    static func get() throws -> SharedCourse { try built.get() }

    /// Copies the course's warm block cache to `destination` (a folder that must not exist yet).
    func copyCache(to destination: String) throws {
        try FileManager.default.copyItem(atPath: cache, toPath: destination)
    }

    /// Removed when the test process exits (a test run has no other end to hook into).
    private static let rootPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("lessons-shared-\(UUID().uuidString)").path
}

struct SharedCourseFailure: Error, CustomStringConvertible { let description: String }
