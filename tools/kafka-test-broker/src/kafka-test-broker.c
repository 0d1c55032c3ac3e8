/*
 * kafka-test-broker: librdkafka's in-memory mock Kafka cluster as a process.
 *
 *   kafka-test-broker [--brokers N] [--topic name:partitions]...
 *
 * Prints the bootstrap list on one line when ready, then answers one line
 * ("ok" or "error <message>") per command read on stdin. Exits 0 on SIGTERM,
 * SIGINT, stdin EOF or the parent's death. See README.md for the commands.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define MAX_BROKERS 64
#define MAX_PUSHED_ERRORS 10000
#define MAX_PARTITIONS 10000
#define MAX_ARGS 8

static void exit_now(int sig) {
    (void)sig;
    /* The mock's own shutdown can hang for a second; its state is all in memory. */
    _exit(0);
}

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("kafka-test-broker: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static int parse_int(const char *text, long min, long max, long *out) {
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < min || value > max)
        return -1;
    *out = value;
    return 0;
}

static void reply(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    if (fflush(stdout) != 0)
        _exit(0); /* nobody is listening any more */
}

static void reply_result(rd_kafka_resp_err_t err) {
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        reply("ok");
    else
        reply("error %s", rd_kafka_err2str(err));
}

/* 2.0.2 can lose the mock thread's wake-up when control calls come back to back. */
static void settle(void) {
    const struct timespec pause = {0, 2 * 1000 * 1000};
    nanosleep(&pause, NULL);
}

static rd_kafka_resp_err_t create_topic(rd_kafka_mock_cluster_t *mc, int brokers,
                                        const char *name, int partitions) {
    int replication = brokers < 3 ? brokers : 3;
    return rd_kafka_mock_topic_create(mc, name, partitions, replication);
}

/* Parses a numeric argument, or answers the command with an error and returns -1. */
static int arg_int(const char *what, const char *text, long min, long max, long *out) {
    if (parse_int(text, min, max, out) == 0)
        return 0;
    reply("error invalid %s: %s", what, text);
    return -1;
}

typedef struct {
    rd_kafka_mock_cluster_t *mc;
    int brokers;
    int argc;
    char **argv; /* argv[0] is the command name */
} command_t;

static void cmd_ping(const command_t *c) {
    (void)c;
    reply("ok");
}

static void cmd_down_up(const command_t *c) {
    long id;
    if (arg_int("broker id", c->argv[1], -1, INT32_MAX, &id) != 0)
        return;
    rd_kafka_resp_err_t err = strcmp(c->argv[0], "down") == 0
                                  ? rd_kafka_mock_broker_set_down(c->mc, (int32_t)id)
                                  : rd_kafka_mock_broker_set_up(c->mc, (int32_t)id);
    settle();
    reply_result(err);
}

static void cmd_rtt(const command_t *c) {
    long id, ms;
    if (arg_int("broker id", c->argv[1], -1, INT32_MAX, &id) != 0 ||
        arg_int("rtt", c->argv[2], 0, INT_MAX, &ms) != 0)
        return;
    rd_kafka_resp_err_t err = rd_kafka_mock_broker_set_rtt(c->mc, (int32_t)id, (int)ms);
    settle();
    reply_result(err);
}

static void cmd_error(const command_t *c) {
    long api_key, code, count = 1;
    if (arg_int("api key", c->argv[1], 0, INT16_MAX, &api_key) != 0 ||
        arg_int("error code", c->argv[2], INT16_MIN, INT16_MAX, &code) != 0 ||
        (c->argc == 4 && arg_int("count", c->argv[3], 1, MAX_PUSHED_ERRORS, &count) != 0))
        return;
    rd_kafka_resp_err_t errors[MAX_PUSHED_ERRORS];
    for (long i = 0; i < count; i++)
        errors[i] = (rd_kafka_resp_err_t)code;
    rd_kafka_mock_push_request_errors_array(c->mc, (int16_t)api_key, (size_t)count, errors);
    settle();
    reply("ok");
}

static void cmd_clear(const command_t *c) {
    long api_key;
    if (arg_int("api key", c->argv[1], 0, INT16_MAX, &api_key) != 0)
        return;
    rd_kafka_mock_clear_request_errors(c->mc, (int16_t)api_key);
    settle();
    reply("ok");
}

static void cmd_topic(const command_t *c) {
    long partitions;
    if (arg_int("partition count", c->argv[2], 1, MAX_PARTITIONS, &partitions) != 0)
        return;
    rd_kafka_resp_err_t err = create_topic(c->mc, c->brokers, c->argv[1], (int)partitions);
    settle();
    reply_result(err);
}

static const struct {
    const char *name;
    int min_args, max_args; /* not counting the name */
    void (*run)(const command_t *);
} commands[] = {
    {"ping", 0, 0, cmd_ping},   {"down", 1, 1, cmd_down_up}, {"up", 1, 1, cmd_down_up},
    {"rtt", 2, 2, cmd_rtt},     {"error", 2, 3, cmd_error},  {"clear", 1, 1, cmd_clear},
    {"topic", 2, 2, cmd_topic},
};

/* Answers one command line with exactly one reply line. */
static void run_command(rd_kafka_mock_cluster_t *mc, int brokers, char *line) {
    char *argv[MAX_ARGS];
    int argc = 0;
    for (char *token = strtok(line, " \t\r\n"); token != NULL; token = strtok(NULL, " \t\r\n")) {
        if (argc == MAX_ARGS) {
            reply("error too many arguments");
            return;
        }
        argv[argc++] = token;
    }
    if (argc == 0) {
        reply("error empty command");
        return;
    }

    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(argv[0], commands[i].name) != 0)
            continue;
        if (argc - 1 < commands[i].min_args || argc - 1 > commands[i].max_args) {
            reply("error wrong number of arguments for %s", argv[0]);
        } else {
            const command_t command = {mc, brokers, argc, argv};
            commands[i].run(&command);
        }
        return;
    }
    reply("error unknown command: %s", argv[0]);
}

static void on_sigterm_and_parent_death(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = exit_now;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) /* the parent died before prctl took effect */
        _exit(0);
}

int main(int argc, char **argv) {
    long brokers = 3;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--brokers") == 0 && i + 1 < argc) {
            if (parse_int(argv[++i], 1, MAX_BROKERS, &brokers) != 0)
                die("invalid --brokers '%s': expected 1..%d", argv[i], MAX_BROKERS);
        } else if (strcmp(argv[i], "--topic") != 0 || i + 1 >= argc) {
            die("unknown argument '%s'; usage: kafka-test-broker [--brokers N] "
                "[--topic name:partitions]...", argv[i]);
        } else {
            i++; /* topics are created once the cluster exists */
        }
    }

    on_sigterm_and_parent_death();

    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK)
        die("%s", errstr);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
    if (rk == NULL)
        die("cannot create the client handle: %s", errstr);
    rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(rk, (int)brokers);
    if (mc == NULL)
        die("cannot create the mock cluster");

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--topic") != 0)
            continue;
        char *spec = argv[++i];
        char *colon = strrchr(spec, ':');
        long partitions;
        if (colon == NULL || colon == spec || parse_int(colon + 1, 1, MAX_PARTITIONS, &partitions) != 0)
            die("invalid --topic '%s': expected name:partitions", spec);
        *colon = '\0';
        rd_kafka_resp_err_t err = create_topic(mc, (int)brokers, spec, (int)partitions);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
            die("cannot create topic '%s': %s", spec, rd_kafka_err2str(err));
    }

    reply("%s", rd_kafka_mock_cluster_bootstraps(mc));

    char *line = NULL;
    size_t capacity = 0;
    while (getline(&line, &capacity, stdin) != -1)
        run_command(mc, (int)brokers, line);
    _exit(0); /* stdin EOF: the parent is gone or done with us */
}
