import { CsrfField, Field, Layout, Notice } from './layout';

export interface ManagePageProps {
  reference?: string;
  lastName?: string;
  csrfToken: string;
  problem?: string;
}

/** Finding a booking by its reference and a passenger's last name, as printed on the confirmation. */
export function ManagePage({ reference, lastName, csrfToken, problem }: ManagePageProps) {
  return (
    <Layout title="Manage your booking">
      {problem && <Notice tone="error">{problem}</Notice>}
      <form class="card" method="post" action="/manage">
        <CsrfField token={csrfToken} />
        <div class="grid">
          <Field
            label="Booking reference"
            name="reference"
            value={reference}
            hint="Six letters and digits, such as K7M4QX"
            autoComplete="off"
            required
          />
          <Field label="Last name" name="lastName" value={lastName} autoComplete="family-name" required />
        </div>
        <div class="actions">
          <button type="submit">Find booking</button>
        </div>
      </form>
    </Layout>
  );
}
