import Browser

extension ChromiumSession {
    /// The string an expression evaluates to in the page (a promise is awaited), or "" if it is not a string.
    /// With `session`, in another page (`openedPage`).
    func string(_ expression: String, in session: String? = nil) throws -> String {
        let params: [String: Any] = ["expression": expression, "awaitPromise": true, "returnByValue": true]
        let reply = try session.map { try page("Runtime.evaluate", params, in: $0) } ?? page("Runtime.evaluate", params)
        return (reply["result"] as? [String: Any])?["value"] as? String ?? ""
    }

    /// A key pressed and released, as the keyboard sends it (`text` for keys that type something).
    func press(_ key: String, code: String, keyCode: Int, text: String? = nil, in session: String? = nil) throws {
        var down: [String: Any] = ["type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": keyCode]
        if let text { down["text"] = text }
        let up: [String: Any] = ["type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": keyCode]
        for event in [down, up] {
            _ = try session.map { try page("Input.dispatchKeyEvent", event, in: $0) } ?? page("Input.dispatchKeyEvent", event)
        }
    }
}
