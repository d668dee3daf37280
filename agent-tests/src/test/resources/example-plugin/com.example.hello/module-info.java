module com.example.hello {
    requires org.novaagent.api;
    provides org.novaagent.api.CommandHandler with com.example.hello.internal.HelloCommandHandler;
}
