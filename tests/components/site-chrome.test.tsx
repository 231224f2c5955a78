// @vitest-environment jsdom
// The header shows each person only the pages their roles open, and an organisation switcher when they have several.
import "@testing-library/jest-dom/vitest";
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorSummary } from "~/components/error-summary";
import { SiteHeader, type HeaderViewer } from "~/components/site-chrome";
import type { Role } from "~/storage/types";

afterEach(cleanup);

function renderHeader(roles: Role[], orgs = [{ id: "o1", name: "North Trust" }]) {
  const viewer: HeaderViewer = { name: "Sam Lee", email: "sam@example.org", roles, org: orgs[0]!, orgs };
  const Stub = createRemixStub([{ path: "/", Component: () => <SiteHeader viewer={viewer} /> }]);
  render(<Stub />);
  return within(screen.getByRole("navigation", { name: "Main" }));
}

describe("SiteHeader", () => {
  it("gives a clinician practice pages but not authoring or admin", () => {
    const nav = renderHeader(["clinician"]);
    expect(nav.getByRole("link", { name: "Scenarios" })).toBeInTheDocument();
    expect(nav.queryByRole("link", { name: "Authoring" })).not.toBeInTheDocument();
    expect(nav.queryByRole("link", { name: "Staff" })).not.toBeInTheDocument();
  });

  it("gives an admin who is also an educator both sets of pages", () => {
    const nav = renderHeader(["admin", "educator"]);
    expect(nav.getByRole("link", { name: "Authoring" })).toBeInTheDocument();
    expect(nav.getByRole("link", { name: "Staff" })).toBeInTheDocument();
  });

  it("offers an organisation switcher only to people in more than one", () => {
    renderHeader(
      ["clinician"],
      [
        { id: "o1", name: "North Trust" },
        { id: "o2", name: "South Trust" },
      ],
    );
    expect(screen.getByRole("combobox", { name: "Organisation" })).toHaveValue("o1");
    expect(screen.getByRole("button", { name: "Log out" })).toBeInTheDocument();
  });
});

describe("ErrorSummary", () => {
  it("lists each problem as a link to its field and takes focus", () => {
    render(<ErrorSummary errors={[{ href: "#email", text: "Enter your email address" }]} />);
    const alert = screen.getByRole("alert");
    expect(within(alert).getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    expect(alert).toHaveFocus();
  });

  it("renders nothing when there is no problem", () => {
    const { container } = render(<ErrorSummary errors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
