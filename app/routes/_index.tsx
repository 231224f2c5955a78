// Home: what the signed-in person needs next, section by section for each role they hold.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireViewer, hasRole } from "~/utils/auth.server";
import { loadHome } from "~/services/home.server";
import { ClinicianHome, EducatorHome, AdminHome } from "~/components/home-sections";

export const meta: MetaFunction = () => [{ title: "Home | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  return loadHome(context, viewer, {
    clinician: hasRole(viewer, "clinician"),
    educator: hasRole(viewer, "educator"),
    admin: hasRole(viewer, "admin"),
  });
}

export default function Home() {
  const home = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Welcome, {home.firstName}</h1>
      <p className="nhsuk-body-l">{home.org}</p>
      {home.clinician ? <ClinicianHome data={home.clinician} /> : null}
      {home.educator ? <EducatorHome data={home.educator} /> : null}
      {home.admin ? <AdminHome data={home.admin} /> : null}
    </>
  );
}
