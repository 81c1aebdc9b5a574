/// The two graph blocks the exercise tests ask about: a chain of scalars and a small tanh layer.
let exerciseGraphs = """
    # Exercises

    ```graph chain
    x = 1.5
    y = x^2
    z = log(y)
    ```

    ```graph layer
    X = [[1.0, 2.0], [3.0, -1.0]]
    param W = [[0.5, -0.25], [0.1, 0.2]]
    L = sum(tanh(X @ W))
    ```
    """
