extension Script {
    /// Inflating the data scripts the page loads on demand (steps, opened groups).
    static let unpack = #"""
  // A packed data script (PackedScript): base64 of gzip-compressed JSON, inflated by the
  // browser's own DecompressionStream; an unpacked one passes its JSON as is.
  var canUnpack = typeof DecompressionStream === "function";
  function unpack(packed) {
    if (typeof packed !== "string") return Promise.resolve(packed);
    var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
"""#
}
