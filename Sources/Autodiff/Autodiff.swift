// The autodiff engine: see Plan.swift.
