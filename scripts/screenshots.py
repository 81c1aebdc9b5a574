#!/usr/bin/env python3
"""Screenshots of a built course at 1280 and 390 CSS px, light and dark, through headless
Chromium's DevTools protocol (no packages beyond Python's standard library):

    scripts/screenshots.py SITE_DIR SHOTS_DIR PAGE[#ID] ...

PAGE is a lesson's folder in SITE_DIR ("index" for the course index, or a path ending in .html such as zh/index.html); with #ID the shot starts at
that element (a widget's id, e.g. mlp-backprop#model-batch) and is as tall as the element, at most
--height px (default 1600; with --from-element, --height px from the element down, e.g. a
heading's section); without it, the top of the page. PAGE#ID:EDITS opens the page with a
graph's edited values in its address (computational-graphs#graph-colah:a=3,b=-1) and shoots it
once the page has recomputed it. Each target gives
SHOTS_DIR/PAGE[-ID]-{1280,390}-{light,dark}.png. Add --print for an A4 PDF of each page as well.
With --answer TEXT and an exercise's #ID, TEXT is typed into the exercise and checked before the
shot (so the verdict and the worked answer show).
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile


class Chromium:
    """One headless Chromium driven over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self):
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            sys.exit("screenshots.py: chromium is not installed (apt-get install chromium)")
        self.profile = tempfile.mkdtemp(prefix="lessons-shots-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def child_fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.process = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", "--no-first-run", "about:blank"],
            pass_fds=(3, 4, to_chrome_r, from_chrome_w), preexec_fn=child_fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 1
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", {}, self.session)

    def call(self, method, params, session=None):
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.next_id += 1
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == message["id"]:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def wait_for(self, event):
        while self.read().get("method") != event:
            pass

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                sys.exit("screenshots.py: Chromium quit")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def page(self, method, params):
        return self.call(method, params, self.session)

    def close(self):
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("shots")
    parser.add_argument("targets", nargs="+")
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--from-element", action="store_true",
                        help="with #ID, shoot --height px from the element down (for a heading: its section)")
    parser.add_argument("--print", action="store_true", help="also print each page to PDF (A4)")
    parser.add_argument("--answer", help="with an exercise's #ID: type this answer and check it before the shot")
    args = parser.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    chrome = Chromium()
    try:
        for target in args.targets:
            page, _, element = target.partition("#")
            element, _, edits = element.partition(":")
            path = os.path.join(args.site, "index.html" if page == "index" else page if page.endswith(".html") else os.path.join(page, "index.html"))
            if not os.path.isfile(path):
                sys.exit(f"screenshots.py: no page {path}")
            url = "file://" + os.path.abspath(path)
            name = page.replace("/", "-").removesuffix(".html") + (f"-{element}" if element else "") + ("-edited" if edits else "")
            for width in (1280, 390):
                for scheme in ("light", "dark"):
                    chrome.page("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                    chrome.page("Emulation.setEmulatedMedia",
                                {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                    # A query makes each shot a new document: a change of fragment alone loads nothing.
                    shot_url = url + (f"?{width}-{scheme}#{element}:{edits}" if edits else "")
                    chrome.page("Page.navigate", {"url": shot_url})
                    chrome.wait_for("Page.loadEventFired")
                    box = chrome.page("Runtime.evaluate", {"returnByValue": True, "awaitPromise": True, "expression": f"""
                        new Promise(function (done) {{
                          // Lazy images load only near the viewport; a shot reaches beyond it.
                          var images = Array.prototype.slice.call(document.images);
                          images.forEach(function (i) {{ i.loading = "eager"; }});
                          return Promise.all(images.map(function (i) {{
                            return i.complete ? null : new Promise(function (r) {{ i.onload = i.onerror = r; }});
                          }})).then(function () {{ done(); }});
                        }}).then(function () {{ return new Promise(function (done) {{
                          // An exercise answered first: wait for its verdict (the live file loads first).
                          var box = {json.dumps(element)} ? document.getElementById({json.dumps(element)}) : null;
                          var answer = {json.dumps(args.answer)}, input = box && answer !== null ? box.querySelector(".exercise-input") : null;
                          if (!input) {{ done(); return; }}
                          input.value = answer;
                          box.querySelector(".exercise-form").requestSubmit();
                          (function wait() {{ if (box.querySelector(".exercise-verdict").textContent) done(); else setTimeout(wait, 20); }})();
                        }}); }}).then(function () {{ return new Promise(function (done) {{ setTimeout(function () {{
                          var e = {json.dumps(element)} ? document.getElementById({json.dumps(element)}) : null;
                          var r = e ? e.getBoundingClientRect() : {{top: 0, height: {args.height}}};
                          done([r.top + window.scrollY, {"" if args.from_element else "Math.min(r.height + 16, "}{args.height}{"" if args.from_element else ")"},
                                document.documentElement.scrollWidth]);
                        }}, 300); }}); }})"""})["result"]["value"]
                    top, height, scroll_width = box
                    shot = chrome.page("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                       "clip": {"x": 0, "y": max(0, top - 8), "width": width, "height": height, "scale": 1}})
                    out = os.path.join(args.shots, f"{name}-{width}-{scheme}.png")
                    with open(out, "wb") as f:
                        f.write(base64.b64decode(shot["data"]))
                    overflow = " (page scrolls sideways: %d px wide)" % scroll_width if scroll_width > width else ""
                    print(out + overflow)
            if args.print:
                chrome.page("Emulation.clearDeviceMetricsOverride", {})
                chrome.page("Emulation.setEmulatedMedia", {"features": []})
                chrome.page("Page.navigate", {"url": url})
                chrome.wait_for("Page.loadEventFired")
                pdf = chrome.page("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True})
                out = os.path.join(args.shots, f"{page}.pdf")
                with open(out, "wb") as f:
                    f.write(base64.b64decode(pdf["data"]))
                print(out)
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
