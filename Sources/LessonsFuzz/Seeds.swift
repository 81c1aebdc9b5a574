/// Snippets in the spirit of the test suites: valid blocks and formulas, and one of each kind of
/// mistake, so mutations start close to every branch of the parsers.
enum Seeds {
    static let graphs: [String] = [
        "a = 2\nb = 1\ne = (a + b) * (b + 1)\n",
        "x = [1.0, 2.0]\nparam w = [0.5, -0.2]\nparam b = 0.1\ny_hat = sigmoid(x @ w + b)\n",
        "A = [[1, 2], [3, 4]]\nv = [1, -1]\ny = sum(tanh(A @ v) * 2 - relu(v) / 3)\n",
        "x = [[1, 2,\n      3], [4, 5, 6]]\ny = mean(transpose(x) @ x)\n",
        "x = 3\ny = -x^2 + max(x, 1) - exp(log(x))\n",
        "x = 1\ny = x ^ -1 ^ 2\n",
        "y = sigmod(x)\n",
        "x = 1\nx = 2\n",
        "x = [1, 2\ny = x\n",
        "x = [[1, 2], [3]]\n",
        "x = []\n",
        "x = 1e400\n",
        "x = -1\ny = log(x)\n",
        "x = 1e308\ny = x * 10\n",
        "x = [1, 2]\nw = [1, 2, 3]\ny = x @ w\n",
        "y = 2 * z\n",
        "param = 3\n",
        "x = 1\ny = ((((x))))\n",
        "data xor\n",
        "x = 1 # a comment\n\n   y = x + 1   # another\n",
        "x = 0\ny = relu(x)\n",
        "x = [[1.0, 0.5, -0.3, 0.8]]\nparam w = 0.9\nparam u = 0.5\nh0 = 0.0\nrepeat t in 1...4:\n    h[t] = tanh(w * h[t-1] + u * x[0, t-1])\nloss = h[4] * h[4]\n",
        "h0 = 0\nrepeat t in 1..4:\n  h[t] = h[t+1]\n    g[t] = t\nrepeat k in 1...2:\n",
        "x = [[1e-300, 1e300]]\ny = sum(x * x)\n",
    ]

    static let models: [String] = [
        "data xor\nparam W1 = uniform(0, 1, [2, 3])\nparam W2 = uniform(0, 1, [3, 1])\nH = sigmoid(X @ W1)\nout = H @ W2\nloss = 0.5 * sum((y - out)^2)\ntrain sgd(lr: 0.1) epochs 50 seed 0\ntrace every 5\n",
        "data moons(n: 40, noise: 0.1)\nsplit 0.25\nlayers 2 -> 4 tanh -> 1\nloss = mean(bce_logits(out, y))\ntrain adam(lr: 0.01) epochs 20 batch 8 seed 1\ntrace log 4\n",
        "data spiral(n: 30, classes: 3)\nlayers 2 -> 5 relu -> 3\nloss = mean(softmax_cross_entropy(out, y))\ntrain momentum(lr: 0.1, beta: 0.9) epochs 10\n",
        "X = [[0, 0], [0, 1], [1, 0], [1, 1]]\ny = [[0], [1], [1], [0]]\nparam W = zeros([2, 1])\nparam b = 0\nout = X @ W + b\nloss = mean((out - y)^2)\ntrain sgd(lr: 0.5) epochs 30\n",
        "data line(n: 20, slope: 2, intercept: 1, noise: 0.1)\nparam w = normal(0, 1, [1, 1])\nout = X @ w\nloss = mean((out - y)^2)\ntrain sgd(lr: 0.05) epochs 40\n",
        "data sine(n: 30)\nlayers 1 -> 8 tanh -> 1\nloss = mean((out - y)^2)\ntrain adam(lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8) epochs 25\n",
        "data circles(n: 30, noise: 0.05, factor: 0.5)\nparam W = xavier([2, 1])\nparam b = he([1])\nout = X @ W + b\nloss = mean(bce_logits(out, y))\ntrain sgd(lr: 0.1) epochs 15\n",
        "data xor\nparam W = uniform(0, 1, [2, 1])\nout = X @ W\nloss = sum((out - y)^2)\ntrain sgd(lr: 1e300) epochs 20\n",
        "data xor\nout = X\ntrain sgd(lr: 0.1) epochs 5\n",
        "data xor\nparam W = uniform(0, 1, [2, 1])\nloss = W\ntrain sgd(lr: 0.1) epochs 99999999999\n",
        "data csv(\"points.csv\", x: [a, b], y: [label])\nlayers 2 -> 1\nloss = mean((out - y)^2)\ntrain sgd(lr: 0.1) epochs 5\n",
        "data nope\nparam W = uniform(1, 0, [0, 3])\nloss = mean(W)\ntrain rmsprop(lr: 0.1) epochs 0 batch 0\ntrace every 0\nsplit 1.5\n",
        "layers 2 -> 3 sigmoid -> 1\ndata and\nloss = mean((out - y)^2)\ntrain sgd(lr: 0.1) epochs 3\ntrain sgd(lr: 0.1) epochs 3\n",
    ]

    static let tex: [String] = [
        "\\frac{\\partial L}{\\partial w}", "\\sigma(x) = \\frac{1}{1 + e^{-x}}", "\\sum_{i=1}^{n} x_i^2",
        "\\left( \\frac{a}{b} \\right)", "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "\\sqrt[3]{x}",
        "\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}", "\\underbrace{a + b}_{c}",
        "\\mathbb{R}^{n \\times m}", "\\boldsymbol{\\theta} \\leftarrow \\boldsymbol{\\theta} - \\eta \\nabla L",
        "\\frac", "x^^2", "{", "}", "\\left(", "\\begin{matrix}", "\\unknown{x}", "\\operatorname{softmax}(z)_i",
        "\\overset{!}{=}", "\\not= \\big( \\Big[ x \\Big] \\big)", "a \\middle| b", "\\text{\\frac{a}{b}}",
    ]

    static let lessons: [String] = [
        "---\ntitle: T\norder: 2\nsummary: S\nlang: en\n---\n\n# T\n\nText with $x^2$ and $$\\frac{1}{2}$$.\n\n```graph g\nx = 2\ny = x * x\n```\n\nThe gradient is {{ g.x.grad }}.\n",
        "# Heading\n\n* TOC\n{:toc}\n\n## A\n\n> quote $a$\n> - item\n\n## B\n\n| a | b |\n|---|:-:|\n| $x$ | `y` |\n\n{: .note}\n",
        "---\ntitle: [unclosed\n---\n", "---\ntitle: x\n", "{% include x.html %}\n\n![alt](img/x.png \"T\")\n\n<img src=\"/a.png\">\n",
        "\\[ x \\]\n\n\\( y \\)\n\n$5 and $10\n\n$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$\n",
        "```model m\ndata xor\nlayers 2 -> 2 tanh -> 1\nloss = mean((out - y)^2)\ntrain sgd(lr: 0.1) epochs 5\n```\n\n{{ m.loss }} {{ m.nope }} {{ x }}\n",
        "\u{FEFF}# BOM\r\n\r\nCRLF $x$\r\n",
        "```graph g\nx = [1.0, 2.0]\nparam W = [[1.0, 0.5], [0.0, -1.0]]\nL = sum(tanh(x @ W))\n```\n\n1. Q?\n\n   ```exercise g\n   with x = [3, -1], W[0,1] = 2\n   ask dL/dW[0,1]\n   within 0.5%\n   ```\n\n2. V?\n\n   ```exercise g\n   ask L\n   ```\n",
    ]
}
