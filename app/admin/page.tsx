import { requireStaff } from "@/lib/auth/guards";

export default async function AdminHome() {
  const staff = await requireStaff("/admin");
  return (
    <div className="wrap narrow">
      <h1>Staff home</h1>
      <p>
        Welcome, {staff.email}. Writing, scheduling and sending pieces arrive here next; for now this page confirms
        your staff access.
      </p>
    </div>
  );
}
