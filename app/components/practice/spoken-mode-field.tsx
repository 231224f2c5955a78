// The overview's "Say it first" option: answer each turn aloud before the written responses appear.
export function SpokenModeField({ defaultChecked }: { defaultChecked: boolean }) {
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="say-it-first"
            name="sayItFirst"
            type="checkbox"
            value="on"
            defaultChecked={defaultChecked}
            aria-describedby="say-it-first-hint"
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="say-it-first">
            Say it first: answer aloud before the responses appear
          </label>
          <div className="nhsuk-hint nhsuk-checkboxes__hint" id="say-it-first-hint">
            Then pick the response closest to what you said. Measured on this device; never recorded or sent.
          </div>
        </div>
      </div>
    </div>
  );
}
