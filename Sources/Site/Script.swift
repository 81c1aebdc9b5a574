/// Our only JavaScript, written to `output/assets/lessons.js`: the graph step-through, the training-step
/// slider, the framework tabs with their copy buttons, and the search box. In the step-through, position 0 is the overview
/// (everything computed); then one step per node (or closed group) forward, and one per node backward.
/// Pages read fine without it. Each part lives in its own file (Script+Walk, +Scrubber, +Groups, +Live,
/// +LiveText, +Descent, +Exercise, +Tabs, +SelfTest, +Search, +Slides).
package enum Script {
    package static let fileName = "lessons.js"

    /// The whole file: the parts inside one strict-mode closure, then the start-up, compacted.
    package static let javaScript = compacted([opening, unpack, scrubber, walk, fit, groups, liveText, live, descent, retrain, exercise,
                                               selfTest, tabs, search, slides, start].joined(separator: "\n"))

    /// The script without indentation, blank lines and whole-line `//` comments: a fifth of its
    /// bytes, which every page's first view loads. None of our lines continues a string or a
    /// template literal, and a line break stays between any two lines kept, so nothing that runs
    /// changes (automatic semicolons included). The parts stay readable in their Swift files.
    static func compacted(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.drop(while: { $0 == " " }) }
            .filter { !$0.isEmpty && !$0.hasPrefix("//") }
            .joined(separator: "\n") + "\n"
    }

    static let opening = #"""
"use strict";
(function () {
"""#

    static let start = #"""
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".code-tabs"), setUpTabs);
    Array.prototype.forEach.call(document.querySelectorAll(".site-search"), setUpSearch);
    var widgets = Array.prototype.slice.call(document.querySelectorAll(".graph-widget")).map(function (element) {
      var refit = setUpFit(element);
      var api = setUp(element);
      setUpGroups(element, api, refit);
      setUpLive(element);
      setUpDescent(element);
      setUpRetrain(element);
      return { element: element, api: api };
    });
    Array.prototype.forEach.call(document.querySelectorAll(".exercise"), setUpExercise);
    document.documentElement.classList.add("js");
    applyAddress();
    window.addEventListener("hashchange", applyAddress);
    setUpSlides();
    if (location.hash === "#lessons-selftest") {
      // The self-test scrubs every slider, so it first loads their step files.
      var loading = widgets.filter(function (w) { return w.api.load; });
      var left = loading.length;
      if (!left) selfTest(widgets);
      loading.forEach(function (w) { w.api.load(function () { if (--left === 0) selfTest(widgets); }); });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
"""#
}
