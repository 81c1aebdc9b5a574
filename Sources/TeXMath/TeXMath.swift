// TeX to MathML Core: see the converter.
