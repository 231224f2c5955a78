// The document shell: header with role-aware navigation, main content, footer, and the error boundary.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { SiteFooter, SiteHeader, type HeaderViewer } from "~/components/site-chrome";
import { useNonce } from "~/components/nonce";
import stylesUrl from "~/styles/webside.scss?url";
import { getViewer } from "~/utils/auth.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Webside: rehearse your video consultations" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const header: HeaderViewer | null = viewer
    ? {
        name: viewer.user.name,
        email: viewer.user.email,
        roles: viewer.membership.roles,
        org: { id: viewer.org.id, name: viewer.org.name },
        orgs: viewer.orgs.map((o) => ({ id: o.id, name: o.name })),
      }
    : null;
  return { viewer: header };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="ws-body">
        <a className="nhsuk-skip-link" href="#main-content">
          Skip to main content
        </a>
        <SiteHeader viewer={data?.viewer ?? null} />
        <div className="ws-page">
          <div className="nhsuk-width-container">
            <main className="nhsuk-main-wrapper" id="main-content" tabIndex={-1}>
              {children}
            </main>
          </div>
        </div>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Something went wrong";
  let message = "Sorry, Webside hit a problem. Try again, and if it keeps happening tell your administrator.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page not found";
      message = "We could not find that page. It may have been moved, or the link may be wrong.";
    } else if (error.status === 403) {
      title = "You do not have access to this page";
      message = "Your role in this organisation does not include this page. Ask your administrator if you need it.";
    } else if (error.status === 429) {
      title = "Too many attempts";
      message = typeof error.data === "string" ? error.data : "Please wait a minute and try again.";
    } else if (typeof error.data === "string" && error.data) {
      title = `${error.status} ${error.statusText || "Error"}`;
      message = error.data;
    }
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Go to your home page</a>
        </p>
      </div>
    </div>
  );
}
