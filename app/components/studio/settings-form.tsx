// The scenario's settings: title, summary, setting, specialty, length, objectives, competencies, pass mark, cast, variables.
import { COMPETENCIES, COMPETENCY_INFO } from "~/core/competencies";
import type { CastRole, Scenario, ScenarioProblem } from "~/core/scenario";
import { JsonField, SelectField, SmallButton, TextArea, TextField } from "./fields";

const ROLES: CastRole[] = ["patient", "carer", "interpreter", "family", "clinician", "other"];

export interface SettingsFormProps {
  scenario: Scenario;
  problems: ScenarioProblem[];
  onChange: (change: (scenario: Scenario) => void, field: string) => void;
}

export function SettingsForm({ scenario, problems, onChange }: SettingsFormProps) {
  const at = (path: string) => problems.find((p) => p.severity === "error" && p.path === path)?.message;
  const text = (field: "title" | "summary" | "specialty") => (v: string) =>
    onChange((s) => void (s[field] = v), `settings-${field}`);
  return (
    <section className="ws-card" aria-labelledby="settings-heading">
      <h2 className="nhsuk-heading-m" id="settings-heading">
        Scenario settings
      </h2>
      <TextField
        id="settings-title"
        label="Title"
        value={scenario.title ?? ""}
        error={at("title")}
        onChange={text("title")}
      />
      <TextArea
        id="settings-summary"
        label="Summary"
        value={scenario.summary ?? ""}
        error={at("summary")}
        onChange={text("summary")}
        rows={3}
      />
      <div className="ws-field-row">
        <SelectField
          id="settings-setting"
          label="Setting"
          value={scenario.setting ?? "one-to-one"}
          options={[
            ["one-to-one", "One patient"],
            ["group", "Group session"],
          ]}
          onChange={(v) => onChange((s) => void (s.setting = v as Scenario["setting"]), "settings-setting")}
        />
        <TextField
          id="settings-specialty"
          label="Specialty"
          value={scenario.specialty ?? ""}
          error={at("specialty")}
          onChange={text("specialty")}
        />
        <TextField
          id="settings-minutes"
          label="Minutes"
          type="number"
          width="3"
          value={String(scenario.minutes ?? "")}
          error={at("minutes")}
          onChange={(v) => onChange((s) => void (s.minutes = Number(v)), "settings-minutes")}
        />
        <TextField
          id="settings-pass"
          label="Pass mark (%)"
          type="number"
          width="3"
          value={String(scenario.passMark ?? "")}
          error={at("passMark")}
          onChange={(v) => onChange((s) => void (s.passMark = Number(v)), "settings-pass")}
        />
      </div>
      <SelectField
        id="settings-start"
        label="Start node"
        value={scenario.start ?? ""}
        options={Object.keys(scenario.nodes).map((id) => [id, id])}
        error={at("start")}
        onChange={(v) => onChange((s) => void (s.start = v), "settings-start")}
      />
      <TextArea
        id="settings-objectives"
        label="Learning objectives"
        hint="One per line."
        value={(scenario.objectives ?? []).join("\n")}
        error={at("objectives")}
        rows={3}
        onChange={(v) => onChange((s) => void (s.objectives = v.split("\n")), "settings-objectives")}
      />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend">Competencies assessed</legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small ws-checkbox-grid">
          {COMPETENCIES.map((c) => (
            <div className="nhsuk-checkboxes__item" key={c}>
              <input
                className="nhsuk-checkboxes__input"
                id={`settings-competency-${c}`}
                type="checkbox"
                checked={scenario.competencies.includes(c)}
                onChange={(e) =>
                  onChange(
                    (s) =>
                      void (s.competencies = e.target.checked
                        ? COMPETENCIES.filter((x) => x === c || s.competencies.includes(x))
                        : s.competencies.filter((x) => x !== c)),
                    "settings-competencies",
                  )
                }
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`settings-competency-${c}`}>
                {COMPETENCY_INFO[c].label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <h3 className="nhsuk-heading-s">Cast</h3>
      {scenario.cast.map((member, i) => (
        <fieldset className="nhsuk-fieldset ws-choice-fields" key={i}>
          <legend className="nhsuk-fieldset__legend">Cast member {i + 1}</legend>
          <div className="ws-field-row">
            <TextField
              id={`cast-${i}-id`}
              label="Id"
              width="10"
              value={member.id}
              error={at(`cast[${i}].id`)}
              onChange={(v) => onChange((s) => void (s.cast[i]!.id = v), `cast-${i}-id`)}
            />
            <TextField
              id={`cast-${i}-name`}
              label="Name"
              value={member.name}
              error={at(`cast[${i}].name`)}
              onChange={(v) => onChange((s) => void (s.cast[i]!.name = v), `cast-${i}-name`)}
            />
            <SelectField
              id={`cast-${i}-role`}
              label="Role"
              value={member.role}
              options={ROLES.map((r) => [r, r])}
              onChange={(v) => onChange((s) => void (s.cast[i]!.role = v as CastRole), `cast-${i}-role`)}
            />
          </div>
          <TextArea
            id={`cast-${i}-bio`}
            label="Short bio"
            value={member.bio}
            error={at(`cast[${i}].bio`)}
            onChange={(v) => onChange((s) => void (s.cast[i]!.bio = v), `cast-${i}-bio`)}
          />
          <SmallButton
            variant="warning"
            label={`Remove cast member ${i + 1}`}
            onClick={() => onChange((s) => void s.cast.splice(i, 1), "cast")}
          >
            Remove
          </SmallButton>
        </fieldset>
      ))}
      <SmallButton
        onClick={() =>
          onChange(
            (s) =>
              void s.cast.push({
                id: `person-${s.cast.length + 1}`,
                name: "New person",
                role: "patient",
                bio: "Who they are.",
              }),
            "cast",
          )
        }
      >
        Add a cast member
      </SmallButton>
      <JsonField
        id="settings-variables"
        label="Variables (advanced)"
        hint='e.g. {"trust": {"type": "number", "initial": 0, "min": 0, "max": 5}}'
        value={scenario.variables}
        error={at("variables")}
        onChange={(v) =>
          onChange(
            (s) => (v === undefined ? delete s.variables : (s.variables = v as Scenario["variables"])) && undefined,
            "settings-variables",
          )
        }
      />
    </section>
  );
}
