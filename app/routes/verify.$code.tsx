// Public certificate check: shows what a verifier needs to compare with the certificate in front of them (holder,
// scenario and version, date, result) and nothing more, so a real code pasted onto a forged certificate is caught.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { verifyCertificate } from "~/services/certificates.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [
  { title: "Check a certificate | Webside" },
  { name: "robots", content: "noindex" },
];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const { code, certificate } = await verifyCertificate(context, params.code ?? "");
  if (!certificate) return data({ code, certificate: null }, { status: 404 });
  return { code, certificate };
}

export default function VerifyPage() {
  const { code, certificate } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Certificate check</h1>
        {certificate ? (
          <div className="ws-notice" role="status" data-testid="verify-result">
            <p className="nhsuk-heading-m">Valid certificate</p>
            <p>
              <strong>{code}</strong> is a genuine Webside certificate. Check that these details match the certificate
              you were shown:
            </p>
            <dl className="nhsuk-summary-list">
              {[
                ["Awarded to", certificate.holder],
                ["Scenario", `${certificate.scenario} (version ${certificate.version})`],
                ["Completed on", formatDate(certificate.completedAt)],
                ["Result", certificate.result],
              ].map(([label, value]) => (
                <div className="nhsuk-summary-list__row" key={label}>
                  <dt className="nhsuk-summary-list__key">{label}</dt>
                  <dd className="nhsuk-summary-list__value">{value}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : (
          <div className="ws-notice ws-notice--warning" role="status" data-testid="verify-result">
            <p className="nhsuk-heading-m">Not a valid certificate</p>
            <p>
              No Webside certificate has the code {code ? <strong>{code}</strong> : "given"}. Check it was typed exactly
              as printed.
            </p>
          </div>
        )}
        <p className="ws-muted">
          If any detail differs from the certificate, the certificate is not genuine. For privacy this page shows only
          these details: no contact details, organisation or scores.
        </p>
      </div>
    </div>
  );
}
