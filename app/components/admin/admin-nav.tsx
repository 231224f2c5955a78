// The admin area's sub-navigation, so completion, who is missing training, staff, assignments, exports and the LRS
// are one click apart.
const LINKS = [
  { to: "/admin", label: "Completion" },
  { to: "/admin/training", label: "Who is missing training" },
  { to: "/admin/staff", label: "Staff and teams" },
  { to: "/admin/staff/import", label: "Import staff" },
  { to: "/admin/assignments", label: "Assignments" },
  { to: "/admin/lrs", label: "LRS and exports" },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav className="ws-subnav" aria-label="Administration">
      <ul className="ws-subnav__list">
        {LINKS.map((link) => (
          <li key={link.to}>
            <a
              href={link.to}
              className={`ws-subnav__link${link.to === current ? " ws-subnav__link--current" : ""}`}
              aria-current={link.to === current ? "page" : undefined}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
