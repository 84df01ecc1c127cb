// frappe.sendmail (an Email Queue document) and frappe.enqueue (the
// ScriptSettings hook, after commit), with the call shapes of
// script-usage.md (sendmail always with recipients, subject and message).

#include "scripting_fixture.h"

namespace quire::scripting::testing {
namespace {

using MailJobs = ScriptingTest;

TEST_F(MailJobs, SendmailQueuesAnEmailQueueDocument) {
  EXPECT_EQ(run("q = frappe.sendmail(recipients=['a@example.com', 'b@example.com', "
                "'a@example.com'], subject='Hi', message='<p>Body</p>', "
                "reference_doctype='ToDo', reference_name='T-1', sender='me@example.com', "
                "cc='c@example.com; d@example.com')\n"
                "print(q.doctype, q.status)\n"
                "e = frappe.get_doc('Email Queue', q.name)\n"
                "print(e.recipients, '|', e.show_as_cc, '|', e.sender)\n"
                "print(e.subject, e.message, e.reference_doctype, e.reference_name)\n"),
            "Email Queue Not Sent\n"
            "a@example.com, b@example.com | c@example.com, d@example.com | me@example.com\n"
            "Hi <p>Body</p> ToDo T-1\n");
}

TEST_F(MailJobs, SendmailDefaultsAndOlderSpellings) {
  // A comma-separated str of recipients; content= wins over message=; doctype=/name=
  // are the older names of reference_doctype/reference_name (Frappe's sendmail).
  EXPECT_EQ(run("q = frappe.sendmail('x@example.com,\\n y@example.com', content='C', "
                "message='M', doctype='Note', name='N1')\n"
                "print(q.recipients, '|', q.subject, '|', q.message, q.reference_doctype, "
                "q.reference_name)\n"
                "print(frappe.sendmail(recipients=[], subject='nobody'))\n"
                "print(frappe.db.count('Email Queue'))\n"),
            "x@example.com, y@example.com | No Subject | C Note N1\nNone\n1\n");
}

TEST_F(MailJobs, SendmailSendAfterDaysFromToday) {
  EXPECT_EQ(run("q = frappe.sendmail('x@example.com', subject='s', message='m', send_after=3)\n"
                "print(str(q.send_after)[:10])\n"),
            "2025-03-15\n");
}

TEST_F(MailJobs, SendmailIsUndoneWithTheScriptsTransaction) {
  add_api_script("mail then fail", "mail_then_fail",
                 "frappe.sendmail(recipients='a@example.com', subject='s', message='m')\n"
                 "frappe.throw('no')\n");
  auto r = run_api_script(*scripts, *session, "mail_then_fail", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body["exc_type"], "ValidationError");
  EXPECT_EQ(run("print(frappe.db.count('Email Queue'))\n"), "0\n");
}

TEST_F(MailJobs, EnqueueRunsTheHookAfterCommit) {
  add_api_script("do work", "do_work", "pass\n");
  add_api_script("queue it", "queue_it",
                 "frappe.enqueue('do_work', queue='long', timeout=600, job_name='w', a=1, "
                 "b=[1, 'x'])\n"
                 "frappe.response['message'] = len(frappe.get_all('ToDo'))\n");
  auto r = run_api_script(*scripts, *session, "queue_it", Json::object(), "POST");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  ASSERT_EQ(enqueued.size(), 1u);
  EXPECT_EQ(enqueued[0], Json::parse(R"({"method": "do_work",
      "kwargs": {"a": 1, "b": [1, "x"]},
      "options": {"queue": "long", "timeout": 600, "job_name": "w"}})"));
}

TEST_F(MailJobs, EnqueueIsDroppedWhenTheTransactionRollsBack) {
  add_api_script("do work", "do_work", "pass\n");
  add_api_script("queue then fail", "queue_then_fail",
                 "frappe.enqueue('do_work')\nfrappe.throw('no')\n");
  add_api_script("queue on get", "queue_on_get", "frappe.enqueue('do_work')\n");
  run_api_script(*scripts, *session, "queue_then_fail", Json::object(), "POST");
  // GET rolls back what the script did: the job goes with it.
  run_api_script(*scripts, *session, "queue_on_get", Json::object(), "GET");
  EXPECT_TRUE(enqueued.empty());
}

TEST_F(MailJobs, EnqueueNowRunsTheMethodAsFrappeCall) {
  // spec §12 case 36: enqueue('frappe.get_user', now=True) -> PermissionError; 'ping' is ok.
  // An API script's result is its frappe.flags (Server Script.execute_method).
  add_api_script("answer", "answer_it", "frappe.flags = {'answer': frappe.form_dict.x * 2}\n");
  EXPECT_EQ(run("print(frappe.enqueue('ping', now=True))\n"
                "print(frappe.enqueue('answer_it', now=True, queue='short', x=21))\n"),
            "pong\n{'answer': 42}\n");
  EXPECT_EQ(run("frappe.enqueue('frappe.get_user', now=True)\n").substr(0, 16), "PermissionError:");
  EXPECT_TRUE(enqueued.empty());
}

}  // namespace
}  // namespace quire::scripting::testing
