/// How an atom behaves next to others (TeX's atom classes, as far as MathML needs them).
enum AtomClass: Sendable, Equatable {
    case ord, op, bin, rel, open, close, punct, inner
    /// A function name such as `\log` (`<mi>log</mi><mo>&#x2061;</mo>`).
    case function
    /// Explicit spacing (`\,`, `\quad`), which takes no spacing of its own.
    case space
}

/// A symbol command's character and the MathML token it becomes.
struct Symbol: Sendable {
    var text: String
    var token: String  // "mi" or "mo"
    var atomClass: AtomClass
    /// Upright (`mathvariant="normal"`), as TeX sets capital Greek.
    var upright = false
}

/// The symbol commands: Greek, letter-like symbols, operators, relations, arrows, delimiters, dots.
enum Symbols {
    static func lookup(_ name: String) -> Symbol? { table[name] }

    private static let table: [String: Symbol] = {
        var t: [String: Symbol] = [:]
        func add(_ kind: AtomClass, _ token: String, _ pairs: KeyValuePairs<String, String>, upright: Bool = false) {
            for (name, text) in pairs { t[name] = Symbol(text: text, token: token, atomClass: kind, upright: upright) }
        }
        add(.ord, "mi", [
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
            "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ",
            "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
            "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
            "psi": "ψ", "omega": "ω", "digamma": "ϝ",
        ])
        add(.ord, "mi", [
            "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
            "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
            "infty": "∞", "nabla": "∇", "top": "⊤", "bot": "⊥", "forall": "∀", "exists": "∃", "nexists": "∄",
            "neg": "¬", "lnot": "¬", "emptyset": "∅", "varnothing": "∅", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ",
            "wp": "℘", "angle": "∠", "triangle": "△", "backslash": "\\", "|": "∥", "Vert": "∥", "vert": "∣",
            "%": "%", "#": "#", "&": "&", "_": "_", "$": "$", "vdots": "⋮", "checkmark": "✓", "square": "□",
            "Box": "□", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠", "flat": "♭",
            "sharp": "♯", "natural": "♮", "degree": "°", "surd": "√", "prime": "′", "backprime": "‵",
        ], upright: true)
        add(.ord, "mi", ["partial": "∂", "ell": "ℓ", "hbar": "ℏ", "imath": "ı", "jmath": "ȷ"])
        add(.bin, "mo", [
            "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆", "circ": "∘",
            "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖", "oslash": "⊘", "cup": "∪",
            "cap": "∩", "setminus": "∖", "smallsetminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
            "dagger": "†", "ddagger": "‡", "diamond": "⋄", "uplus": "⊎", "sqcup": "⊔", "sqcap": "⊓", "wr": "≀",
            "amalg": "⨿", "intercal": "⊺", "bigtriangleup": "△", "bigtriangledown": "▽", "centerdot": "⋅",
            "circledast": "⊛", "boxplus": "⊞", "boxtimes": "⊠",
        ])
        add(.rel, "mo", [
            "ne": "≠", "neq": "≠", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "leqslant": "⩽", "geqslant": "⩾",
            "nleq": "≰", "ngeq": "≱", "lt": "<", "gt": ">", "approx": "≈", "sim": "∼", "simeq": "≃", "cong": "≅",
            "equiv": "≡", "propto": "∝", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
            "supset": "⊃", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋", "to": "→", "rightarrow": "→",
            "leftarrow": "←", "gets": "←", "mapsto": "↦", "longmapsto": "⟼", "Rightarrow": "⇒", "Leftarrow": "⇐",
            "Leftrightarrow": "⇔", "leftrightarrow": "↔", "iff": "⟺", "implies": "⟹", "impliedby": "⟸",
            "longrightarrow": "⟶", "longleftarrow": "⟵", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
            "longleftrightarrow": "⟷", "Longleftrightarrow": "⟺", "uparrow": "↑", "downarrow": "↓",
            "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓", "nearrow": "↗", "searrow": "↘",
            "hookrightarrow": "↪", "hookleftarrow": "↩", "rightharpoonup": "⇀", "leftharpoonup": "↼",
            "rightleftharpoons": "⇌", "mid": "∣", "nmid": "∤", "parallel": "∥", "nparallel": "∦", "perp": "⊥",
            "ll": "≪", "gg": "≫", "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰", "asymp": "≍",
            "doteq": "≐", "models": "⊨", "vdash": "⊢", "dashv": "⊣", "coloneqq": "≔", "triangleq": "≜",
            "approxeq": "≊", "lesssim": "≲", "gtrsim": "≳", "sqsubseteq": "⊑", "sqsupseteq": "⊒", "owns": "∋",
            "smile": "⌣", "frown": "⌢", "bowtie": "⋈", "vDash": "⊨", "nsim": "≁", "ncong": "≇",
        ])
        add(.open, "mo", ["langle": "⟨", "lfloor": "⌊", "lceil": "⌈", "{": "{", "lbrace": "{", "lVert": "∥",
                          "lvert": "∣", "lbrack": "[", "lgroup": "⟮"])
        add(.close, "mo", ["rangle": "⟩", "rfloor": "⌋", "rceil": "⌉", "}": "}", "rbrace": "}", "rVert": "∥",
                           "rvert": "∣", "rbrack": "]", "rgroup": "⟯"])
        add(.inner, "mo", ["ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "cdots": "⋯", "ddots": "⋱", "dotsm": "⋯"])
        add(.punct, "mo", ["colon": ":"])
        return t
    }()

    /// Big operators: `\sum` and friends take limits under and over in display style; integrals never do.
    static let bigOperators: [String: (text: String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true),
        "bigcap": ("⋂", true), "bigoplus": ("⨁", true), "bigotimes": ("⨂", true), "bigodot": ("⨀", true),
        "bigvee": ("⋁", true), "bigwedge": ("⋀", true), "biguplus": ("⨄", true), "bigsqcup": ("⨆", true),
        "int": ("∫", false), "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false),
        "intop": ("∫", true), "smallint": ("∫", false),
    ]

    /// Function names set upright with a thin space after; those marked true take limits in display style.
    static let functions: [String: (text: String, limits: Bool)] = {
        var t: [String: (text: String, limits: Bool)] = [:]
        for name in ["arcsin", "arccos", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim", "exp",
                     "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh", "arctg", "sh", "ch", "th"] {
            t[name] = (name, false)
        }
        for name in ["det", "gcd", "inf", "lim", "max", "min", "Pr", "sup"] { t[name] = (name, true) }
        t["liminf"] = ("lim inf", true)
        t["limsup"] = ("lim sup", true)
        return t
    }()

    /// Delimiters allowed after `\left`, `\right`, `\middle` and `\big`: command name or character -> text.
    static func delimiter(command name: String) -> String? {
        switch name {
        case "{", "lbrace": return "{"
        case "}", "rbrace": return "}"
        case "|", "Vert", "lVert", "rVert": return "∥"
        case "vert", "lvert", "rvert": return "∣"
        case "langle": return "⟨"
        case "rangle": return "⟩"
        case "lfloor": return "⌊"
        case "rfloor": return "⌋"
        case "lceil": return "⌈"
        case "rceil": return "⌉"
        case "lbrack": return "["
        case "rbrack": return "]"
        case "backslash": return "\\"
        case "uparrow": return "↑"
        case "downarrow": return "↓"
        case "updownarrow": return "↕"
        case "Uparrow": return "⇑"
        case "Downarrow": return "⇓"
        case "lgroup": return "⟮"
        case "rgroup": return "⟯"
        default: return nil
        }
    }

    static func delimiter(char c: Unicode.Scalar) -> String? {
        switch c {
        case "(", ")", "[", "]", "/", "<", ">": return c == "<" ? "⟨" : c == ">" ? "⟩" : String(c)
        case "|": return "∣"
        case ".": return ""
        default: return nil
        }
    }
}
