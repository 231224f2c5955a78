// Public certificate check: says only whether a code is genuine and when it was issued, nothing about the person.
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
  const { code, issuedAt } = await verifyCertificate(context, params.code ?? "");
  if (issuedAt === null) return data({ valid: false as const, code, issuedAt: null }, { status: 404 });
  return { valid: true as const, code, issuedAt };
}

export default function VerifyPage() {
  const result = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Certificate check</h1>
        {result.valid ? (
          <div className="ws-notice" role="status" data-testid="verify-result">
            <p className="nhsuk-heading-m">Valid certificate</p>
            <p>
              <strong>{result.code}</strong> is a genuine Webside certificate, issued on {formatDate(result.issuedAt)}.
            </p>
          </div>
        ) : (
          <div className="ws-notice ws-notice--warning" role="status" data-testid="verify-result">
            <p className="nhsuk-heading-m">Not a valid certificate</p>
            <p>
              No Webside certificate has the code {result.code ? <strong>{result.code}</strong> : "given"}. Check it was
              typed exactly as printed.
            </p>
          </div>
        )}
        <p className="ws-muted">
          For privacy, this page shows only whether a code is genuine. Ask the certificate holder for its details.
        </p>
      </div>
    </div>
  );
}
