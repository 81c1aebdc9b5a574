import Foundation
import Testing
@testable import LessonsKit

// The codegen fixture's dropout block alone (Fixtures/codegen/ops.md): its NumPy and PyTorch
// programs carry the engine's mask as a literal and print the trace's values and gradients.
// (FrameworkProgramTests runs every block too, with the whole course.)
@Suite struct DropoutProgramTests {
    private func block() throws -> GeneratedBlock {
        try #require(try generatedBlocks(in: codegenFixtures).first { $0.stem == "dropout" }, "no dropout block in the fixtures")
    }

    @Test func theProgramsWriteTheMaskDrawnFromTheSeed() throws {
        let b = try block()
        for text in [b.numpy, b.torch] {
            #expect(text.contains("h's dropout mask, drawn from seed 0"), "\(text)")
            #expect(text.contains("drawn from seed 7"))
            #expect(text.contains("h = x * mask_h / (1 - 0.5)"), "\(text)")
        }
        #expect(b.numpy.contains("mask_h = np.array(["))
        #expect(b.torch.contains("mask_h = torch.tensor(["))
        // The mask is the engine's: 1 where the trace's h is x / (1 - p), 0 where it is 0.
        let step = try #require(b.trace.steps.first)
        let (x, h) = (try #require(step.value["x"]), try #require(step.value["h"]))
        #expect(zip(x, h).allSatisfy { $1 == 0 || $1 == $0 / 0.5 } && h.contains(0) && h.contains { $0 != 0 })
    }

    @Test(.enabled(if: Python.numpy != nil, "python3 cannot import numpy"))
    func numpyProgramPrintsWhatTheTraceHolds() throws {
        let b = try block()
        check(try run(b, "\(b.stem).py", with: try #require(Python.numpy)), against: b, program: "\(b.stem).py")
    }

    @Test(.enabled(if: Python.torch != nil, "no Python here can import torch"))
    func torchProgramPrintsWhatTheTraceHolds() throws {
        let b = try block()
        check(try run(b, "\(b.stem)_torch.py", with: try #require(Python.torch)), against: b, program: "\(b.stem)_torch.py",
              skipping: b.trace.constantOnly)
    }
}
