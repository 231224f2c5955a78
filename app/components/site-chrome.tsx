// The header and footer every page shares: brand, role-aware navigation, organisation switcher and sign-out.
import { Form, NavLink } from "@remix-run/react";
import type { Role } from "~/storage/types";

export interface HeaderViewer {
  name: string;
  email: string;
  roles: Role[];
  org: { id: string; name: string };
  orgs: Array<{ id: string; name: string }>;
}

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "Home", roles: ["clinician", "educator", "admin"] },
  { to: "/scenarios", label: "Scenarios", roles: ["clinician", "educator", "admin"] },
  { to: "/check", label: "Camera check", roles: ["clinician", "educator", "admin"] },
  { to: "/history", label: "My learning", roles: ["clinician"] },
  { to: "/learning-record", label: "Learning record", roles: ["clinician"] },
  { to: "/studio", label: "Authoring", roles: ["educator", "admin"] },
  { to: "/admin", label: "Completion", roles: ["admin"] },
  { to: "/admin/staff", label: "Staff", roles: ["admin"] },
  { to: "/admin/assignments", label: "Assignments", roles: ["admin"] },
  { to: "/admin/lrs", label: "LRS", roles: ["admin"] },
];

function Logo() {
  return (
    <svg className="ws-logo" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect x="2" y="6" width="36" height="26" rx="5" fill="#fff" />
      <circle cx="20" cy="17" r="5" fill="#005eb8" />
      <path d="M11 29c1.8-4.6 5-7 9-7s7.2 2.4 9 7" fill="#005eb8" />
      <rect x="15" y="33" width="10" height="3" rx="1.5" fill="#fff" />
    </svg>
  );
}

export function SiteHeader({ viewer }: { viewer: HeaderViewer | null }) {
  const items = viewer ? NAV_ITEMS.filter((item) => item.roles.some((r) => viewer.roles.includes(r))) : [];
  return (
    <header className="ws-header" role="banner">
      <div className="nhsuk-width-container ws-header__bar">
        <a className="ws-header__brand" href="/" aria-label="Webside home">
          <Logo />
          <span className="ws-header__name">Webside</span>
          <span className="ws-header__tagline">Practise your webside manner</span>
        </a>
        {viewer ? (
          <div className="ws-header__account">
            {viewer.orgs.length > 1 ? (
              <Form method="post" action="/org/switch" className="ws-org-switch">
                <label className="nhsuk-u-visually-hidden" htmlFor="org-switch">
                  Organisation
                </label>
                <select id="org-switch" name="orgId" defaultValue={viewer.org.id} className="nhsuk-select">
                  {viewer.orgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
                <button type="submit" className="ws-link-button">
                  Switch
                </button>
              </Form>
            ) : (
              <span className="ws-header__org">{viewer.org.name}</span>
            )}
            <a className="ws-header__user" href="/account">
              {viewer.name}
            </a>
            <Form method="post" action="/logout">
              <button type="submit" className="ws-link-button">
                Log out
              </button>
            </Form>
          </div>
        ) : null}
      </div>
      {items.length > 0 ? (
        <nav className="ws-nav" aria-label="Main">
          <ul className="nhsuk-width-container ws-nav__list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === "/" || item.to === "/admin"}
                  className="ws-nav__link"
                  prefetch="intent"
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="ws-footer" role="contentinfo">
      <div className="nhsuk-width-container ws-footer__inner">
        <p>
          Webside is open-source training software for rehearsing video consultations. It is not a clinical system: do
          not enter patient information.
        </p>
        <p>
          Webside never receives your video or sound: camera feedback is worked out on your own device and only summary
          numbers are stored. In live role-play, video goes directly between colleagues&apos; browsers.
        </p>
      </div>
    </footer>
  );
}
