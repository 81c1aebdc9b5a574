extension Stylesheet {
    /// Exercises' answer boxes (ExerciseHTML). Without JavaScript the form stays `hidden` and the
    /// answer is a closed `<details>`; with it, the answer appears after the first attempt. On
    /// paper only the question and the numbers it sets are printed.
    static let exercise = #"""

.exercise { margin: 0.6rem 0 0.9rem; padding: 0.55rem 0.8rem; border: 1px solid var(--rule); border-left: 3px solid var(--accent);
  border-radius: 6px; font-family: var(--font-ui); font-size: 0.92rem; }
.exercise p { margin: 0.3rem 0; }
.exercise-given { font-family: var(--font-code); font-size: 0.88rem; }
.exercise-form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.6rem; margin: 0.3rem 0; }
.exercise-form[hidden] { display: none; }
.exercise-input { font: 0.9rem var(--font-code); width: 9rem; max-width: 100%; padding: 0.25rem 0.4rem; color: var(--fg);
  background: var(--bg); border: 1px solid var(--rule); border-radius: 4px; }
.exercise-input[aria-invalid="true"] { border-color: #b3261e; outline: 1px solid #b3261e; }
.exercise-check { font: inherit; padding: 0.25rem 0.8rem; border: 1px solid var(--accent); border-radius: 6px;
  background: var(--bg); color: var(--fg); cursor: pointer; }
.exercise-input:focus-visible, .exercise-check:focus-visible, .exercise-answer summary:focus-visible {
  outline: 2px solid var(--accent); outline-offset: 1px; }
.exercise-verdict:empty { display: none; }
.exercise.right .exercise-verdict { color: #1b7f3b; }
.exercise.wrong .exercise-verdict { color: #b3261e; }
.exercise-verdict::before { font-weight: 700; }
.exercise.right .exercise-verdict::before { content: "✓ "; }
.exercise.wrong .exercise-verdict::before { content: "✗ "; }
.exercise-answer summary { cursor: pointer; color: var(--muted); }
.js .exercise:not(.attempted) .exercise-answer { display: none; }
.exercise-walk { margin: 0.3rem 0; padding-left: 1.4rem; font-family: var(--font-code); font-size: 0.84rem; overflow-wrap: anywhere; }
.exercise-walk li[data-phase="backward"] { color: var(--fg); }
.exercise-walk li[data-phase="forward"] { color: var(--muted); }
.exercise-walk .exercise-grid { margin: 0.1rem 0 0.3rem; padding: 0 0 0 0.6rem; font: inherit; color: inherit; background: none;
  border: 0; border-left: 2px solid var(--rule); border-radius: 0; white-space: pre; overflow-x: auto; overflow-wrap: normal; }
@media (prefers-color-scheme: dark) {
  .exercise.right .exercise-verdict { color: #6fcf8a; }
  .exercise.wrong .exercise-verdict { color: #ff8a80; }
}
@media print {
  .exercise { border: 0; padding: 0; }
  .exercise-form, .exercise-verdict, .exercise-answer { display: none !important; }
}
"""#
}
