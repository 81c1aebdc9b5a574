extension Script {
    /// The framework tabs (WAI-ARIA tabs pattern) with their copy buttons.
    static let tabs = #"""
  // Framework tabs (WAI-ARIA tabs pattern): the page holds labelled panels one after the other;
  // here they become a tab list. Choosing a framework shows it under every block of the page.
  var tabGroups = [];

  function choose(label) {
    tabGroups.forEach(function (group) { group.show(label); });
  }

  // A long listing is a file of its own (code/<panel-id>.js, see CodeListings) that calls
  // lessonsCode with its highlighted HTML, packed ([html], see PackedScript); it is loaded
  // when its tab is first shown.
  window.lessonsCode = function (id, packed) {
    var panel = document.getElementById(id);
    var pre = panel && panel.querySelector("pre[data-code]");
    if (pre) unpack(packed).then(function (parts) { pre.querySelector("code").innerHTML = parts[0]; });
  };

  function loadListing(panel) {
    var pre = panel.querySelector("pre[data-code]");
    if (!pre || pre.dataset.loading) return;
    pre.dataset.loading = "yes";
    var script = document.createElement("script");
    script.src = pre.dataset.code;
    document.head.appendChild(script);
  }

  function setUpTabs(box) {
    var panels = Array.prototype.slice.call(box.querySelectorAll(".code-panel"));
    var list = document.createElement("div");
    list.className = "code-tablist";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", box.dataset.label || "Code");
    var tabs = panels.map(function (panel) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.textContent = panel.dataset.tab;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      list.appendChild(tab);
      return tab;
    });
    function select(k) {
      tabs.forEach(function (tab, j) {
        tab.setAttribute("aria-selected", j === k ? "true" : "false");
        tab.tabIndex = j === k ? 0 : -1;
        panels[j].hidden = j !== k;
      });
      loadListing(panels[k]);
    }
    list.addEventListener("click", function (event) {
      var k = tabs.indexOf(event.target.closest("[role=tab]"));
      if (k >= 0) choose(panels[k].dataset.tab);
    });
    list.addEventListener("keydown", function (event) {
      var k = tabs.indexOf(document.activeElement);
      var moves = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 };
      if (k < 0 || !(event.key in moves)) return;
      var next = (moves[event.key] + tabs.length) % tabs.length;
      choose(panels[next].dataset.tab);
      tabs[next].focus();
      event.preventDefault();
    });
    // Arrow keys inside the code belong to the tabs and the scrolling, not to the graph's walk.
    box.addEventListener("keydown", function (event) { event.stopPropagation(); });
    box.insertBefore(list, box.firstChild);
    box.classList.add("js");
    // A link to a panel (#model-xor-code-2) opens its tab.
    var linked = panels.map(function (p) { return "#" + p.id; }).indexOf(location.hash);
    select(Math.max(0, linked));
    tabGroups.push({ show: function (label) {
      var k = panels.map(function (p) { return p.dataset.tab; }).indexOf(label);
      if (k >= 0) select(k);
    } });
    setUpCopy(box);
  }

  function setUpCopy(box) {
    Array.prototype.forEach.call(box.querySelectorAll(".code-copy"), function (button) {
      var code = button.closest(".code-panel").querySelector("pre code");
      // The words come from the page (data-copied, data-selected), in its language.
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        var shown = function (text) {
          button.textContent = text;
          setTimeout(function () { button.textContent = label; }, 2000);
        };
        var byHand = function () {
          // Select the code so Ctrl+C copies it, and try the old command too.
          var range = document.createRange();
          range.selectNodeContents(code);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          var ok = false;
          try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
          shown(ok ? button.dataset.copied || "Copied" : button.dataset.selected || "Selected: press Ctrl+C");
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(code.textContent).then(function () { shown(button.dataset.copied || "Copied"); }, byHand);
        } else {
          byHand();
        }
      });
    });
  }
"""#
}
