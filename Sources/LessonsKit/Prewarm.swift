import Figures
import Foundation
import Site

/// What a build needs later and can make before it knows anything of the lessons: the site's
/// script and stylesheet (the script is compacted on first use) and the figures' fonts (loaded
/// into the font maps the figure threads will use). Made on a thread of its own while the
/// lessons are read and their first model trains, on a core that would otherwise wait.
enum Prewarm {
    private static let thread: Void = {
        let thread = Thread {
            _ = Script.javaScript
            _ = Stylesheet.css
            FontPreload.run()
        }
        thread.start()
    }()

    /// Starts the thread, once per process (an in-process rebuild finds everything made).
    static func start() {
        _ = thread
    }
}
