import Browser

extension ChromiumSession {
    /// The string an expression evaluates to in the page (a promise is awaited), or "" if it is not a string.
    func string(_ expression: String) throws -> String {
        let reply = try page("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
        return (reply["result"] as? [String: Any])?["value"] as? String ?? ""
    }

    /// A key pressed and released, as the keyboard sends it (`text` for keys that type something).
    func press(_ key: String, code: String, keyCode: Int, text: String? = nil) throws {
        var down: [String: Any] = ["type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": keyCode]
        if let text { down["text"] = text }
        _ = try page("Input.dispatchKeyEvent", down)
        _ = try page("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": keyCode])
    }
}
