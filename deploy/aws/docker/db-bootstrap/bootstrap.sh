#!/bin/bash
# Makes each service's schema and its two users in Aurora, as the administrator; safe to run again.
# What LocalInfra does locally (Database.ensureSchema). Input, from the ECS task definition:
#   TRELLIS_DB_HOST, TRELLIS_DB_ADMIN_USER, TRELLIS_DB_ADMIN_PASSWORD
#   TRELLIS_SCHEMAS="CASE_SERVICE=trellis_case ..." and, per entry, <KEY>_USER, <KEY>_PASSWORD,
#   <KEY>_MIGRATOR_USER, <KEY>_MIGRATOR_PASSWORD (from the users' secrets)
# Each password is set from its secret, so a run also repairs a user whose secret and password disagree.
# The runtime user gets SELECT on its schema; its other rights are granted by the service's migration task.
set -euo pipefail

identifier() { [[ "$1" =~ ^[A-Za-z0-9_]+$ ]] || { echo "bootstrap: not a plain identifier: $1" >&2; exit 1; }; }
# Secrets Manager passwords of these secrets exclude quotes and backslashes; refuse anything else anyway.
password() { [[ "$1" != *"'"* && "$1" != *"\\"* ]] || { echo "bootstrap: unusable password" >&2; exit 1; }; }

sql=""
for entry in $TRELLIS_SCHEMAS; do
  key=${entry%%=*} schema=${entry#*=}
  user_var="${key}_USER" password_var="${key}_PASSWORD"
  migrator_var="${key}_MIGRATOR_USER" migrator_password_var="${key}_MIGRATOR_PASSWORD"
  user=${!user_var} pass=${!password_var} migrator=${!migrator_var} migrator_pass=${!migrator_password_var}
  identifier "$schema"; identifier "$user"; identifier "$migrator"; password "$pass"; password "$migrator_pass"
  sql+="CREATE DATABASE IF NOT EXISTS \`$schema\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY '$pass' REQUIRE SSL;
ALTER USER '$user'@'%' IDENTIFIED BY '$pass' REQUIRE SSL;
GRANT SELECT ON \`$schema\`.* TO '$user'@'%';
CREATE USER IF NOT EXISTS '$migrator'@'%' IDENTIFIED BY '$migrator_pass' REQUIRE SSL;
ALTER USER '$migrator'@'%' IDENTIFIED BY '$migrator_pass' REQUIRE SSL;
GRANT ALL PRIVILEGES ON \`$schema\`.* TO '$migrator'@'%' WITH GRANT OPTION;
"
  echo "bootstrap: $schema: $user (runtime), $migrator (owner)"
done

MYSQL_PWD="$TRELLIS_DB_ADMIN_PASSWORD" mysql --host="$TRELLIS_DB_HOST" --user="$TRELLIS_DB_ADMIN_USER" \
  --ssl-mode=VERIFY_IDENTITY --ssl-ca=/etc/ssl/rds-ca.pem --batch <<< "$sql"
echo "bootstrap: done"
